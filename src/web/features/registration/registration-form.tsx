import { Alert, Button, Card, Checkbox, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../../app/api.js';
import type { Program } from '../programs/programs-api.js';
import { RegionPicker } from '../regions/region-picker.js';
import { BusinessFields } from './business-fields.js';
import { clearDraft, hasContent, loadDraft, saveDraft } from './form-draft.js';
import { scrollToFirstError, serverFormErrors } from './form-errors.js';
import { IdentitySection } from './identity-section.js';
import { useNikReading } from './nik-input.js';
import {
  checkRegistration,
  emptyBusiness,
  emptyRegistration,
  type RegistrationValues,
  toRegistrationInput,
} from './registration-values.js';
import { TrackSelect } from './track-select.js';

export type RegistrationFormProps = {
  operatorId: string;
  /** localStorage key of this page's draft. */
  draftKey: string;
  /** `registrationInput` (staff) or `publicRegistrationInput` (self-registration, with consent). */
  schema: z.ZodType;
  withConsent?: boolean;
  /** Villages the domicile may be chosen from (the operator's service area, or the person's part of it). */
  villageScope?: string[];
  /** Programs whose tracks can be applied to; no track choice when absent. */
  programs?: Program[];
  submitLabel: string;
  /** Sends the checked body; rejects with the ApiError so field problems land on their fields. */
  onSubmit: (body: unknown) => Promise<void>;
  /** What the page has to say about the last attempt (a known NIK, too many tries…), shown above the button. */
  notice?: ReactNode;
};

/** The registration of a person and their businesses, shared by staff (/participants/new) and the public (/daftar). */
export function RegistrationForm({
  operatorId,
  draftKey,
  schema,
  withConsent = false,
  villageScope,
  programs,
  submitLabel,
  onSubmit,
  notice,
}: RegistrationFormProps) {
  const { t } = useTranslation();
  const [restored] = useState(() => loadDraft(draftKey));
  const [showRestored, setShowRestored] = useState(() => !!restored && hasContent(restored));
  const [submitting, setSubmitting] = useState(false);
  const [other, setOther] = useState<string[]>([]);
  const persist = useDebouncedCallback((v: RegistrationValues) => saveDraft(draftKey, v), {
    delay: 400,
    flushOnUnmount: true,
  });
  const form = useForm<RegistrationValues>({
    initialValues: restored ?? emptyRegistration(),
    onValuesChange: (v) => persist(v),
  });
  const values = form.getValues();
  const reading = useNikReading(values.nik);
  const person = reading?.ok ? { sex: reading.sex, birthDate: reading.birthDate } : null;
  const withTracks = !!programs?.some((p) => p.active && p.tracks.length > 0);

  const startOver = () => {
    persist.cancel();
    clearDraft(draftKey);
    form.setValues(emptyRegistration());
    form.clearErrors();
    setShowRestored(false);
    setOther([]);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOther([]);
    const body = toRegistrationInput(form.getValues(), operatorId, withConsent);
    const checked = checkRegistration(body, schema, t, (p) =>
      t(`registration.nikProblem.${p as 'format' | 'region' | 'birth_date' | 'serial'}`),
    );
    if (!checked.ok) {
      form.setErrors(checked.errors);
      if (Object.keys(checked.errors).length === 0) setOther([t('errors.VALIDATION_FAILED')]);
      scrollToFirstError();
      return;
    }
    form.clearErrors();
    setSubmitting(true);
    try {
      await onSubmit(checked.data);
      persist.cancel();
      clearDraft(draftKey);
    } catch (err) {
      const { fields, other: rest } = serverFormErrors(err, t);
      form.setErrors(fields);
      setOther(rest);
      // A known NIK is explained next to the button just pressed; other problems are shown at their fields.
      if (Object.keys(fields).length && !(isApiError(err) && err.code === 'PARTICIPANT_EXISTS')) scrollToFirstError();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="registration-form">
      <Stack gap="md">
        {showRestored ? (
          <Alert color="blue" icon={<IconDeviceFloppy size={18} />} title={t('registration.draftRestored')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('registration.draftRestoredHint')}</Text>
              <Button size="xs" variant="light" onClick={startOver}>
                {t('registration.startOver')}
              </Button>
            </Stack>
          </Alert>
        ) : null}

        <IdentitySection form={form} />

        <Card withBorder padding="md">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('registration.domicile')}
            </Title>
            <RegionPicker
              label={t('registration.domicileVillage')}
              description={t('registration.domicileVillageHint')}
              maxLevel={4}
              within={villageScope}
              value={values.domicileVillageCode}
              onChange={(code) => form.setFieldValue('domicileVillageCode', code)}
              error={form.errors.domicileVillageCode}
            />
            <Textarea
              label={t('registration.domicileAddress')}
              description={t('registration.domicileAddressHint')}
              autosize
              minRows={2}
              size="md"
              {...form.getInputProps('domicileAddress')}
            />
          </Stack>
        </Card>

        <Stack gap="sm">
          {values.businesses.map((b, i) => (
            <BusinessFields
              key={b.key}
              form={form}
              index={i}
              onRemove={values.businesses.length > 1 ? () => form.removeListItem('businesses', i) : undefined}
            />
          ))}
          {values.businesses.length < 10 ? (
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                onClick={() => form.insertListItem('businesses', emptyBusiness())}
              >
                {t('registration.addBusiness')}
              </Button>
            </Group>
          ) : null}
        </Stack>

        {withTracks && programs ? (
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('registration.program')}
              </Title>
              <TrackSelect
                programs={programs}
                value={values.trackId}
                onChange={(id) => form.setFieldValue('trackId', id)}
                error={form.errors.trackId}
                person={person}
                villageCode={values.domicileVillageCode}
              />
            </Stack>
          </Card>
        ) : null}

        {withConsent ? (
          <Card withBorder padding="md">
            <Checkbox
              label={t('publicRegistration.consent')}
              size="md"
              data-testid="consent"
              {...form.getInputProps('consent', { type: 'checkbox' })}
            />
          </Card>
        ) : null}

        {other.length ? (
          <Alert color="red" title={t('errors.title')}>
            <List size="sm">
              {other.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {notice}

        <Stack gap={4}>
          <Button type="submit" size="lg" loading={submitting} fullWidth>
            {submitLabel}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t('registration.draftNote')}
          </Text>
        </Stack>
      </Stack>
    </form>
  );
}
