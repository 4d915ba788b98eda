import { Alert, Button, Card, Group, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { certificatePdfUrl, type RosterRow, useRoster } from './roster-api.js';
import { useCloseWave, type WaveDetail } from './trainings-api.js';
import { seated } from './wave-attendance.js';
import { EnrollmentBadge } from './wave-words.js';

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} c={color}>
        {value}
      </Text>
    </Card>
  );
}

/** Those decided: the completed with their certificate's PDF, the others with their status. */
function CertificateList({ wave, rows: all }: { wave: WaveDetail; rows: RosterRow[] }) {
  const { t } = useTranslation();
  const rows = seated(all).filter((r) => r.status !== 'enrolled' || r.certificate);
  if (rows.length === 0)
    return <EmptyBlock title={t('trainings.certificates.empty')} description={t('trainings.certificates.emptyHint')} />;
  return (
    <Stack gap={6} data-testid="certificate-list">
      {rows.map((r) => (
        <Card key={r.personId} withBorder padding="xs" data-testid="certificate-row">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} miw={0}>
              <Text fw={500} truncate>
                {r.fullName}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {r.certificate?.serial ?? t('trainings.roster.daysOf', { n: r.daysAttended, of: wave.sessions.length })}
              </Text>
            </Stack>
            {r.certificate ? (
              <Button
                component="a"
                href={certificatePdfUrl(r.certificate.id)}
                target="_blank"
                size="xs"
                variant="light"
                leftSection={<IconDownload size={14} />}
              >
                {t('trainings.certificates.pdf')}
              </Button>
            ) : (
              <EnrollmentBadge status={r.status} size="sm" />
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** Sertifikat: how many completed, closing the wave (decides everyone left), and each certificate's PDF. */
export function WaveCertificates({ wave }: { wave: WaveDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const errors = useErrorHandlers();
  const roster = useRoster(wave.id);
  const close = useCloseWave(wave.id);
  const rate = wave.completionRate;
  const canClose = session.can('trainings.manage') && wave.status === 'scheduled';
  // Still to be decided: seated and neither completed nor failed yet.
  const open = roster.data ? roster.data.items.filter((r) => r.status === 'enrolled').length : null;

  return (
    <Stack gap="md">
      <Group align="stretch" gap="sm" wrap="wrap">
        <Card withBorder padding="sm">
          <Group gap="sm" wrap="nowrap">
            <RingProgress
              size={84}
              thickness={9}
              roundCaps
              sections={[{ value: (rate ?? 0) * 100, color: 'teal' }]}
              label={
                <Text ta="center" fw={700} size="sm" data-testid="completion-rate">
                  {rate === null ? '—' : `${fmt.number(Math.round(rate * 100))}%`}
                </Text>
              }
            />
            <Text size="sm" maw={160}>
              {t('trainings.certificates.rate')}
            </Text>
          </Group>
        </Card>
        <SimpleGrid cols={{ base: 3 }} spacing="sm" style={{ flex: 1, minWidth: 260 }}>
          <Stat label={t('trainings.enrollmentStatus.completed')} value={fmt.number(wave.completed)} color="teal.7" />
          <Stat
            label={t('trainings.enrollmentStatus.not_completed')}
            value={fmt.number(wave.notCompleted)}
            color="red.7"
          />
          <Stat label={t('trainings.certificates.open')} value={open === null ? '—' : fmt.number(open)} />
        </SimpleGrid>
      </Group>
      {canClose ? (
        <Alert color="blue" icon={<IconLock size={18} />} title={t('trainings.certificates.closeTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('trainings.certificates.closeHint', { n: wave.requiredDays })}</Text>
            <ConfirmButton
              color="blue"
              question={t('trainings.certificates.closeConfirm')}
              loading={close.isPending}
              onConfirm={() =>
                close.mutate(undefined, {
                  onSuccess: (w) => notifySaved(t, t('trainings.certificates.closed', { n: fmt.number(w.completed) })),
                  onError: errors.notify,
                })
              }
              data-testid="wave-close"
            >
              {t('trainings.certificates.close')}
            </ConfirmButton>
          </Stack>
        </Alert>
      ) : null}
      {roster.isLoading ? <LoadingBlock /> : null}
      {roster.isError ? <ErrorBlock error={roster.error} onRetry={() => void roster.refetch()} /> : null}
      {roster.data ? <CertificateList wave={wave} rows={roster.data.items} /> : null}
    </Stack>
  );
}
