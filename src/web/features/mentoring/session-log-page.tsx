import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { ErrorBlock, NoAccess } from '../../app/ui/query-state.js';
import { ActionRows } from './action-rows.js';
import { todayWib } from './dates.js';
import { HoursStepper } from './hours-stepper.js';
import { useMentoringLabels } from './labels.js';
import { useLogSession, useMentorList, usePersonDetail } from './mentoring-api.js';
import { PersonPicker } from './person-picker.js';
import { SessionAttachments } from './session-attachments.js';
import { FollowUpField, ModePicker, TopicChips } from './session-fields.js';
import {
  checkSession,
  dropDraft,
  emptySession,
  loadDraft,
  type SessionValues,
  saveDraft,
  sessionInputOf,
} from './session-form.js';

export type SessionLogSearch = { personId?: string; bookingId?: string; from?: 'member' | 'clinic' };

/**
 * "Catat sesi": one screen a mentor fills in on a phone right after a visit or call. The form keeps a draft on the
 * phone until the server has the session, so a dropped connection loses nothing.
 */
export function SessionLogPage({ search }: { search: SessionLogSearch }) {
  const { t } = useTranslation();
  const session = useSession();
  const _labels = useMentoringLabels();
  const errors = useErrorHandlers();
  const navigate = useNavigate();
  const today = todayWib();
  const log = useLogSession();
  const [restored, setRestored] = useState(false);
  const [failure, setFailure] = useState<{ title?: string; message: string } | null>(null);
  const form = useForm<SessionValues>({
    initialValues: emptySession(search.personId ?? null, today, search.bookingId ? 'clinic' : 'visit'),
    onValuesChange: saveDraft,
  });
  const personId = form.values.personId;
  const person = usePersonDetail(personId);
  // Program admins log on behalf of a mentor; a mentor logs as themself.
  const onBehalf = session.can('mentoring.manage');
  const mentors = useMentorList({}, onBehalf);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restore once, for the member the page opened with
  useEffect(() => {
    const draft = loadDraft(search.personId ?? null);
    if (draft && !search.bookingId) {
      // A draft from yesterday keeps its day; one dated later than today (a clock change) comes back to today.
      form.setValues({ ...draft, heldOn: [draft.heldOn, today].sort()[0] });
      setRestored(true);
    }
  }, []);

  // One business is the business; with several the mentor picks.
  const businesses = person.data?.businesses ?? [];
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the member's businesses only
  useEffect(() => {
    if (businesses.length === 1 && !form.values.businessId) form.setFieldValue('businessId', businesses[0].id);
  }, [person.data?.id]);

  if (!session.can('mentoring.write')) return <NoAccess />;

  const back = () => {
    if (search.from === 'member' && personId)
      void navigate({ to: '/participants/$id', params: { id: personId }, search: { tab: 'mentoring' } });
    else if (search.from === 'clinic') void navigate({ to: '/mentoring/clinic' });
    else void navigate({ to: '/mentoring' });
  };

  const submit = form.onSubmit((v) => {
    setFailure(null);
    const problems = checkSession(v, today);
    if (Object.keys(problems).length) {
      for (const [field, problem] of Object.entries(problems))
        form.setFieldError(field as keyof SessionValues, t(`mentoring.log.${problem}`));
      return;
    }
    log.mutate(sessionInputOf(v, search.bookingId), {
      onSuccess: () => {
        dropDraft(v.personId);
        dropDraft(search.personId ?? null);
        notifySaved(t, t('mentoring.log.saved'));
        back();
      },
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'NOT_IN_CASELOAD') {
          setFailure({ title: t('mentoring.log.notInCaseloadTitle'), message: errors.message(err) });
          return;
        }
        const fields = err instanceof ApiError ? err.fieldProblems : [];
        for (const p of fields) {
          const key = p.path.replace(/^body\./, '').split('.')[0];
          if (key in v) form.setFieldError(key as keyof SessionValues, p.message);
        }
        if (!fields.length) setFailure({ message: errors.message(err) });
      },
    });
  });

  const field = (name: keyof SessionValues) => form.getInputProps(name);

  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t('mentoring.log.title')} />
      {restored ? (
        <Alert color="blue" variant="light" p="xs">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('mentoring.log.draftRestored')}</Text>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => {
                dropDraft(search.personId ?? null);
                form.setValues(emptySession(search.personId ?? null, today));
                setRestored(false);
              }}
            >
              {t('mentoring.log.discardDraft')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Card withBorder padding="sm">
            <Stack gap="sm">
              {search.personId ? (
                <Stack gap={0}>
                  <Text size="sm" c="dimmed">
                    {t('mentoring.log.member')}
                  </Text>
                  {person.isError ? (
                    <ErrorBlock error={person.error} onRetry={() => void person.refetch()} />
                  ) : (
                    <AnchorLink
                      to="/participants/$id"
                      params={{ id: search.personId }}
                      fw={600}
                      data-testid="log-member"
                    >
                      {person.data?.fullName ?? t('common.loading')}
                    </AnchorLink>
                  )}
                </Stack>
              ) : (
                <PersonPicker
                  label={t('mentoring.log.member')}
                  placeholder={t('mentoring.log.memberPlaceholder')}
                  value={personId}
                  known={person.data ? { id: person.data.id, name: person.data.fullName } : null}
                  onChange={(id) => {
                    form.setFieldValue('personId', id);
                    form.setFieldValue('businessId', null);
                  }}
                  error={form.errors.personId as string | undefined}
                  required
                />
              )}
              {businesses.length > 1 ? (
                <Select
                  label={t('mentoring.log.business')}
                  placeholder={t('mentoring.log.noBusiness')}
                  data={businesses.map((b) => ({ value: b.id, label: b.name }))}
                  clearable
                  {...field('businessId')}
                />
              ) : null}
              {onBehalf ? (
                <Select
                  label={t('mentoring.filters.mentor')}
                  placeholder={person.data?.mentor?.name ?? t('mentoring.assign.choose')}
                  data={(mentors.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))}
                  searchable
                  clearable
                  {...field('mentorUserId')}
                />
              ) : null}
            </Stack>
          </Card>

          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DatePickerInput
              label={t('mentoring.log.heldOn')}
              valueFormat="D MMM YYYY"
              maxDate={today}
              required
              {...field('heldOn')}
              onChange={(v) => form.setFieldValue('heldOn', v ?? today)}
            />
            <ModePicker value={form.values.mode} onChange={(m) => form.setFieldValue('mode', m)} />
          </SimpleGrid>

          <Group gap="xl" wrap="wrap">
            <HoursStepper
              label={t('mentoring.log.contactHours')}
              value={form.values.contactHours}
              onChange={(v) => form.setFieldValue('contactHours', v)}
              min={0.25}
              error={form.errors.contactHours as string | undefined}
              testId="contact-hours"
            />
            <HoursStepper
              label={t('mentoring.log.prepHours')}
              value={form.values.prepHours}
              onChange={(v) => form.setFieldValue('prepHours', v)}
              min={0}
              testId="prep-hours"
            />
          </Group>

          <TopicChips
            value={form.values.topics}
            onChange={(v) => form.setFieldValue('topics', v)}
            error={form.errors.topics as string | undefined}
          />

          <Textarea
            label={t('mentoring.log.notes')}
            placeholder={t('mentoring.log.notesPlaceholder')}
            autosize
            minRows={3}
            maxLength={5000}
            {...field('notes')}
          />

          <ActionRows
            value={form.values.actions}
            onChange={(rows) => {
              form.setFieldValue('actions', rows);
              form.clearFieldError('actions');
            }}
            minDate={form.values.heldOn}
            error={form.errors.actions as string | undefined}
          />

          <FollowUpField
            heldOn={form.values.heldOn}
            value={form.values.nextFollowUpOn}
            onChange={(v) => form.setFieldValue('nextFollowUpOn', v)}
            error={form.errors.nextFollowUpOn as string | undefined}
          />

          <SessionAttachments
            operatorId={person.data?.operatorId ?? null}
            value={form.values.attachments}
            onChange={(next) => form.setFieldValue('attachments', next)}
          />

          {failure ? (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title={failure.title} data-testid="log-error">
              {failure.message}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={back}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" loading={log.isPending} leftSection={<IconDeviceFloppy size={18} />}>
              {t('mentoring.log.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
