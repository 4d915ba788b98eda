import { Alert, Anchor, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import type { MyTrainings } from './me-api.js';
import { useOutcomeText } from './member-picker-modal.js';
import { certificatePdfUrl, useEnrollPeople } from './roster-api.js';
import { useWaves } from './trainings-api.js';
import { EnrollmentBadge, useWaveWords } from './wave-words.js';

/**
 * The Pelatihan tab of the member page: put this person into an upcoming wave (seat or waitlist), and the waves they
 * are or were in, with days attended and certificates.
 */
export function MemberTrainings({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const words = useWaveWords();
  const errors = useErrorHandlers();
  const outcomeText = useOutcomeText();
  const canEnroll = session.can('trainings.enroll');
  const waves = useWaves({ status: 'scheduled' }, canEnroll);
  const [waveId, setWaveId] = useState<string | null>(null);
  const enroll = useEnrollPeople(waveId ?? '');

  return (
    <Stack gap="sm" data-testid="member-trainings">
      {canEnroll ? (
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Select
              label={t('trainings.member.pick')}
              placeholder={waves.isLoading ? t('common.loading') : t('trainings.bulk.wavePlaceholder')}
              data={(waves.data?.items ?? []).map((w) => ({
                value: w.id,
                label: `${w.name} · ${words.dates(w)} · ${words.seats(w)}`,
              }))}
              value={waveId}
              onChange={setWaveId}
              searchable
              nothingFoundMessage={t('trainings.bulk.noWaves')}
            />
            <Group justify="space-between">
              {waveId ? (
                <AnchorLink to="/trainings/waves/$id" params={{ id: waveId }} size="sm">
                  {t('trainings.bulk.openWave')}
                </AnchorLink>
              ) : (
                <span />
              )}
              <Button
                leftSection={<IconSchool size={16} />}
                disabled={!waveId}
                loading={enroll.isPending}
                onClick={() =>
                  enroll.mutate([personId], {
                    onSuccess: (o) => notifySaved(t, outcomeText(o)),
                    onError: errors.notify,
                  })
                }
              >
                {t('trainings.member.enroll')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}
      <PersonWaves personId={personId} />
    </Stack>
  );
}

/** The waves this person is or was in: status, days attended, certificate. */
function PersonWaves({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const words = useWaveWords();
  const list = useQuery({
    queryKey: ['trainings', 'person', personId],
    queryFn: ({ signal }) => api<MyTrainings>(`/api/participants/${personId}/trainings`, { signal }),
  });
  if (list.isPending) return <LoadingBlock />;
  if (list.isError) return <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.enrollments.length === 0)
    return (
      <Alert color="gray" variant="light">
        <Text size="sm">{t('trainings.member.none')}</Text>
      </Alert>
    );
  return (
    <Stack gap="xs">
      {list.data.enrollments.map((e) => (
        <Card key={e.id} withBorder padding="sm" data-testid="person-wave">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div>
              <AnchorLink to="/trainings/waves/$id" params={{ id: e.id }} fw={600}>
                {e.name}
              </AnchorLink>
              <Text size="sm" c="dimmed">
                {e.course.title} · {words.dates(e)}
              </Text>
              <Text size="xs">{t('trainings.me.daysAttended', { n: e.daysAttended, of: e.requiredDays })}</Text>
            </div>
            <Stack gap={4} align="flex-end">
              <EnrollmentBadge status={e.enrollmentStatus} waitlistPosition={e.waitlistPosition} />
              {e.certificate ? (
                <Anchor href={certificatePdfUrl(e.certificate.id)} target="_blank" size="xs">
                  {e.certificate.serial}
                </Anchor>
              ) : null}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
