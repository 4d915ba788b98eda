import { Chip, Group, Modal, MultiSelect, NumberInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { kbliSectors } from '../../../shared/kbli.js';
import { mentoringTopics } from '../../../shared/mentoring.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { useDistrictOptions } from '../participants/use-district-options.js';
import { useMentoringLabels } from './labels.js';
import { useSaveMentorProfile } from './mentoring-api.js';
import type { Mentor } from './mentoring-types.js';

type Values = {
  expertise: string[];
  sectors: string[];
  districtCodes: string[];
  capacity: number | string;
  recruitmentTarget: number | string;
  contactEveryDays: number | string;
  active: boolean;
};

const valuesOf = (m: Mentor): Values => ({
  expertise: m.expertise,
  sectors: m.sectors,
  districtCodes: m.districtCodes,
  capacity: m.capacity,
  recruitmentTarget: m.recruitmentTarget ?? '',
  contactEveryDays: m.contactEveryDays,
  active: m.active,
});

/** What a mentor knows, where they work and how much they can carry; the assignment suggestions read it. */
export function MentorProfileModal({ mentor, onClose }: { mentor: Mentor | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useMentoringLabels();
  const errors = useErrorHandlers();
  const districts = useDistrictOptions();
  const save = useSaveMentorProfile(mentor?.userId ?? '');
  const form = useForm<Values>({
    initialValues: {
      expertise: [],
      sectors: [],
      districtCodes: [],
      capacity: 50,
      recruitmentTarget: '',
      contactEveryDays: 30,
      active: true,
    },
    validate: {
      capacity: (v) => (v === '' ? t('mentoring.mentors.numberRequired') : null),
      contactEveryDays: (v) => (v === '' ? t('mentoring.mentors.numberRequired') : null),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another mentor is opened
  useEffect(() => {
    if (!mentor) return;
    form.setValues(valuesOf(mentor));
    form.clearErrors();
  }, [mentor?.userId]);

  // Coverage already saved stays choosable even when it lies outside the editor's own list.
  const districtOptions = [...districts.options];
  mentor?.districtCodes.forEach((code, i) => {
    if (!districtOptions.some((o) => o.value === code))
      districtOptions.push({ value: code, label: mentor.districtNames[i] ?? code });
  });

  const submit = form.onSubmit((v) => {
    if (!mentor) return;
    save.mutate(
      {
        operatorId: mentor.operatorId,
        expertise: v.expertise as (typeof mentoringTopics)[number][],
        sectors: v.sectors as (typeof kbliSectors)[number][],
        districtCodes: v.districtCodes,
        capacity: Number(v.capacity),
        recruitmentTarget: v.recruitmentTarget === '' ? null : Number(v.recruitmentTarget),
        contactEveryDays: Number(v.contactEveryDays),
        active: v.active,
      },
      {
        onSuccess: () => {
          notifySaved(t, t('mentoring.mentors.saved'));
          onClose();
        },
        onError: errors.form(form),
      },
    );
  });

  return (
    <Modal
      opened={mentor !== null}
      onClose={onClose}
      title={mentor ? t('mentoring.mentors.editTitle', { name: mentor.name }) : ''}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('mentoring.mentors.expertise')}
            </Text>
            <Chip.Group multiple {...form.getInputProps('expertise')}>
              <Group gap={6}>
                {mentoringTopics.map((topic) => (
                  <Chip key={topic} value={topic} size="sm">
                    {labels.topic(topic)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('mentoring.mentors.sectors')}
            </Text>
            <Chip.Group multiple {...form.getInputProps('sectors')}>
              <Group gap={6}>
                {kbliSectors.map((s) => (
                  <Chip key={s} value={s} size="sm" color="grape">
                    {t(`kbli.sectors.${s}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {form.errors.sectors ? (
              <Text size="xs" c="red">
                {form.errors.sectors}
              </Text>
            ) : null}
          </Stack>
          <MultiSelect
            label={t('mentoring.mentors.districtCodes')}
            data={districtOptions}
            searchable
            clearable
            placeholder={districts.loading ? t('common.loading') : undefined}
            {...form.getInputProps('districtCodes')}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <NumberInput
              label={t('mentoring.mentors.capacity')}
              min={0}
              max={1000}
              allowDecimal={false}
              required
              {...form.getInputProps('capacity')}
            />
            <NumberInput
              label={t('mentoring.mentors.recruitmentTarget')}
              min={0}
              max={100_000}
              allowDecimal={false}
              {...form.getInputProps('recruitmentTarget')}
            />
            <NumberInput
              label={t('mentoring.mentors.contactEveryDays')}
              min={1}
              max={365}
              allowDecimal={false}
              required
              {...form.getInputProps('contactEveryDays')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('mentoring.mentors.contactEveryHint')}
          </Text>
          <Switch label={t('mentoring.mentors.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <FormActions onCancel={onClose} loading={save.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
