import { Alert, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { useOutcomeText } from './member-picker-modal.js';
import { useEnrollPeople } from './roster-api.js';
import { useWaves } from './trainings-api.js';
import { useWaveWords } from './wave-words.js';

/**
 * The Pelatihan tab of the member page: put this person into an upcoming wave (seat or waitlist). What they attended
 * shows in the timeline and the Pelatihan stage of the tracker above.
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
      <Alert color="gray" variant="light">
        <Text size="sm">{t('trainings.member.history')}</Text>
      </Alert>
    </Stack>
  );
}
