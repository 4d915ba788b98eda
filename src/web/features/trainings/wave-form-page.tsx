import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { NoAccess } from '../../app/ui/query-state.js';
import { useOperatorChoices } from '../programs/use-operator-choices.js';
import { useFormProblems, useRuleText } from './form-problems.js';
import { useCourses, useCreateWave } from './trainings-api.js';
import { WaveAudienceFields } from './wave-audience-fields.js';
import { WaveDaysField } from './wave-days-field.js';
import { emptyWave, type WaveValues, waveBody, waveFields, waveRuleErrors } from './wave-form-values.js';
import { WavePlaceFields, WaveTrainerFields } from './wave-place-fields.js';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A new wave: the course, the place, who teaches, the seats, the days and who may join. */
export function WaveFormPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const problems = useFormProblems();
  const ruleText = useRuleText();
  const create = useCreateWave();
  const { choices } = useOperatorChoices('trainings.manage');
  const form = useForm<WaveValues>({
    initialValues: emptyWave(),
    validate: (v) => {
      const errors: Record<string, string | null> = {
        operatorId: v.operatorId ? null : t('trainings.waveForm.operatorRequired'),
        courseId: v.courseId ? null : t('trainings.waveForm.courseRequired'),
        name: v.name.trim().length < 3 ? t('trainings.waveForm.nameRequired') : null,
        capacity:
          typeof v.capacity === 'number' && v.capacity >= 1 && Number.isInteger(v.capacity)
            ? null
            : t('trainings.waveForm.capacityInvalid'),
      };
      v.sessions.forEach((s, i) => {
        if (!s.date) errors[`sessions.${i}.date`] = t('trainings.waveForm.dateRequired');
        if (!s.startsAt) errors[`sessions.${i}.startsAt`] = t('trainings.waveForm.timeRequired');
        if (!s.endsAt) errors[`sessions.${i}.endsAt`] = t('trainings.waveForm.timeRequired');
      });
      for (const [path, message] of Object.entries(waveRuleErrors(v))) errors[path] ??= ruleText(message);
      return errors;
    },
  });
  const courses = useCourses(form.values.operatorId ?? undefined, !!form.values.operatorId);
  const courseOptions = (courses.data?.items ?? []).filter((c) => c.active);

  // One operator to act for: chosen without asking. A trainer teaches their own waves by default.
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once the choices are known
  useEffect(() => {
    if (!form.values.operatorId && choices.length === 1) form.setFieldValue('operatorId', choices[0].value);
    if (!form.values.trainerUserId && session.grants.some((g) => g.role === 'trainer'))
      form.setFieldValue('trainerUserId', session.user.id);
  }, [choices.length]);

  if (!session.can('trainings.manage')) return <NoAccess />;

  const pickCourse = (id: string | null) => {
    form.setFieldValue('courseId', id);
    const course = courseOptions.find((c) => c.id === id);
    // "Manajemen Keuangan — Gelombang 3": the name most operators give, ready to change.
    if (course && !form.isDirty('name'))
      form.setFieldValue('name', t('trainings.waveForm.suggestedName', { course: course.title, n: course.waves + 1 }));
  };

  const submit = form.onSubmit((v) =>
    create.mutate(waveBody(v), {
      onSuccess: (wave) => {
        notifySaved(t, t('trainings.waveForm.created', { name: wave.name }));
        void navigate({ to: '/trainings/waves/$id', params: { id: wave.id } });
      },
      onError: problems(form, waveFields),
    }),
  );

  return (
    <>
      <AnchorLink to="/trainings" size="sm">
        ← {t('trainings.back')}
      </AnchorLink>
      <PageHeader title={t('trainings.waveForm.title')} description={t('trainings.waveForm.description')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Section title={t('trainings.waveForm.sectionCourse')}>
            <SimpleGrid cols={{ base: 1, sm: choices.length > 1 ? 3 : 2 }} spacing="sm">
              {choices.length > 1 ? (
                <Select
                  label={t('trainings.operator')}
                  data={choices}
                  withAsterisk
                  searchable
                  {...form.getInputProps('operatorId')}
                />
              ) : null}
              <Select
                label={t('trainings.course')}
                placeholder={courses.isLoading ? t('common.loading') : t('trainings.waveForm.coursePlaceholder')}
                data={courseOptions.map((c) => ({ value: c.id, label: c.title }))}
                withAsterisk
                searchable
                nothingFoundMessage={t('trainings.waveForm.noCourses')}
                {...form.getInputProps('courseId')}
                onChange={pickCourse}
                data-testid="wave-course"
              />
              <TextInput
                label={t('trainings.waveForm.name')}
                withAsterisk
                {...form.getInputProps('name')}
                data-testid="wave-name"
              />
            </SimpleGrid>
          </Section>
          <Section title={t('trainings.waveForm.sectionPlace')}>
            <Stack gap="sm">
              <WavePlaceFields form={form} />
              <WaveTrainerFields form={form} />
            </Stack>
          </Section>
          <Section title={t('trainings.waveForm.sectionDays')}>
            <WaveDaysField form={form} />
          </Section>
          <Section title={t('trainings.waveForm.sectionSeats')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('trainings.waveForm.capacity')}
                min={1}
                max={10_000}
                allowDecimal={false}
                withAsterisk
                {...form.getInputProps('capacity')}
                data-testid="wave-capacity"
              />
              <TextInput
                type="date"
                label={t('trainings.waveForm.deadline')}
                description={t('trainings.waveForm.deadlineHint')}
                {...form.getInputProps('registrationDeadline')}
              />
              <NumberInput
                label={t('trainings.waveForm.requiredDays')}
                description={t('trainings.waveForm.requiredDaysHint', { n: form.values.sessions.length })}
                min={1}
                max={form.values.sessions.length}
                allowDecimal={false}
                {...form.getInputProps('requiredDays')}
              />
            </SimpleGrid>
          </Section>
          <Section title={t('trainings.waveForm.sectionAudience')}>
            <WaveAudienceFields form={form} />
          </Section>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate({ to: '/trainings' })}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="wave-submit">
              {t('trainings.waveForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
