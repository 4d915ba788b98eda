import { Anchor, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconQrcode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { ButtonLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { type MyEnrollment, useMyEnrollment, useMyTrainings } from './me-api.js';
import { certificatePdfUrl } from './roster-api.js';
import type { WaveSummary } from './trainings-api.js';
import { EnrollmentBadge, useWaveWords } from './wave-words.js';

function WaveFacts({ wave }: { wave: WaveSummary }) {
  const words = useWaveWords();
  return (
    <>
      <Text size="sm" c="dimmed">
        {wave.course.title}
      </Text>
      <Text size="sm">
        {words.dates(wave)} ·{' '}
        {wave.mode === 'online' && wave.onlineUrl ? (
          <Anchor href={wave.onlineUrl} target="_blank" rel="noopener noreferrer" size="sm">
            {words.place(wave)}
          </Anchor>
        ) : (
          words.place(wave)
        )}
      </Text>
    </>
  );
}

function MyWaveCard({ e }: { e: MyEnrollment }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const { cancel } = useMyEnrollment();
  const open = (e.enrollmentStatus === 'enrolled' || e.enrollmentStatus === 'waitlisted') && e.status === 'scheduled';
  return (
    <Card withBorder padding="md" data-testid="my-wave">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Text fw={600}>{e.name}</Text>
        <EnrollmentBadge status={e.enrollmentStatus} waitlistPosition={e.waitlistPosition} />
      </Group>
      <WaveFacts wave={e} />
      {e.enrollmentStatus !== 'waitlisted' && e.enrollmentStatus !== 'cancelled' ? (
        <Stack gap={2} mt="xs">
          <Text size="xs">{t('trainings.me.daysAttended', { n: e.daysAttended, of: e.requiredDays })}</Text>
          <Progress value={Math.min(100, (e.daysAttended / Math.max(1, e.requiredDays)) * 100)} size="sm" />
        </Stack>
      ) : null}
      <Group justify="flex-end" mt="sm" gap="xs">
        {e.certificate ? (
          <Button
            component="a"
            href={certificatePdfUrl(e.certificate.id)}
            target="_blank"
            leftSection={<IconDownload size={16} />}
            data-testid="my-certificate"
          >
            {t('trainings.me.certificate')}
          </Button>
        ) : null}
        {open ? (
          <ConfirmButton
            variant="default"
            question={t('trainings.me.cancelConfirm', { name: e.name })}
            loading={cancel.isPending}
            onConfirm={() =>
              cancel.mutate(e.id, {
                onSuccess: () => notifySaved(t, t('trainings.me.cancelled')),
                onError: errors.notify,
              })
            }
          >
            {t('trainings.me.cancel')}
          </ConfirmButton>
        ) : null}
      </Group>
    </Card>
  );
}

function OpenWaveCard({ wave }: { wave: WaveSummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errors = useErrorHandlers();
  const { enroll } = useMyEnrollment();
  const full = wave.seatsTaken >= wave.capacity;
  return (
    <Card withBorder padding="md" data-testid="open-wave">
      <Text fw={600}>{wave.name}</Text>
      <WaveFacts wave={wave} />
      <Text size="xs" c={full ? 'orange.8' : 'dimmed'} mt={4}>
        {full
          ? t('trainings.me.full')
          : t('trainings.me.seatsLeft', { n: fmt.number(wave.capacity - wave.seatsTaken) })}
        {wave.registrationDeadline
          ? ` · ${t('trainings.deadlineOn', { date: fmt.date(wave.registrationDeadline) })}`
          : ''}
      </Text>
      <Group justify="flex-end" mt="sm">
        <Button
          size="md"
          variant={full ? 'light' : 'filled'}
          loading={enroll.isPending && enroll.variables === wave.id}
          onClick={() =>
            enroll.mutate(wave.id, {
              onSuccess: (r) =>
                notifySaved(
                  t,
                  r.status === 'waitlisted'
                    ? t('trainings.me.waitlisted', { n: r.waitlistPosition ?? '' })
                    : t('trainings.me.enrolled', { name: wave.name }),
                ),
              onError: errors.notify,
            })
          }
          data-testid="open-wave-enroll"
        >
          {full ? t('trainings.me.joinWaitlist') : t('trainings.me.enroll')}
        </Button>
      </Group>
    </Card>
  );
}

/** The member's trainings on their phone: where they are enrolled, how far along, certificates, and what's open. */
export function MyTrainingsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const query = useMyTrainings();
  if (!session.can('self.profile')) return <NoAccess />;
  return (
    <>
      <PageHeader
        title={t('trainings.me.title')}
        actions={
          <ButtonLink to="/me/check-in" leftSection={<IconQrcode size={16} />} variant="light">
            {t('trainings.me.scan')}
          </ButtonLink>
        }
      />
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <Stack gap="lg">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('trainings.me.mine')}
            </Title>
            {query.data.enrollments.length === 0 ? (
              <EmptyBlock title={t('trainings.me.mineEmpty')} description={t('trainings.me.mineEmptyHint')} />
            ) : (
              query.data.enrollments.map((e) => <MyWaveCard key={e.id} e={e} />)
            )}
          </Stack>
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('trainings.me.open')}
            </Title>
            {query.data.open.length === 0 ? (
              <EmptyBlock title={t('trainings.me.openEmpty')} description={t('trainings.me.openEmptyHint')} />
            ) : (
              query.data.open.map((w) => <OpenWaveCard key={w.id} wave={w} />)
            )}
          </Stack>
        </Stack>
      ) : null}
    </>
  );
}
