import { Badge, Button, Card, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { EmptyBlock } from '../../app/ui/query-state.js';
import { useEnroll } from './member-api.js';
import type { ParticipantDetail } from './participant-types.js';
import { useProgramsWithTracks } from './participants-api.js';
import { EligibilityList, SelectionStatusBadge } from './status-badges.js';

function EnrollModal({ person, opened, onClose }: { person: ParticipantDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const programs = useProgramsWithTracks(opened);
  const enroll = useEnroll(person.id);
  const [trackId, setTrackId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const taken = new Set(person.enrollments.map((e) => e.trackId));
  const groups = (programs.data?.items ?? [])
    .filter((p) => p.operatorId === person.operatorId)
    .map((p) => ({
      group: p.name,
      items: p.tracks
        .filter((tr) => !taken.has(tr.id))
        .map((tr) => ({ value: tr.id, label: `${tr.code} — ${tr.name}` })),
    }))
    .filter((g) => g.items.length > 0);

  const close = () => {
    setTrackId(null);
    setError(null);
    onClose();
  };
  const submit = () => {
    if (!trackId) {
      setError(t('member.enroll.trackRequired'));
      return;
    }
    enroll.mutate(trackId, {
      onSuccess: (e) => {
        notifySaved(t, t('member.enroll.done', { track: e.trackName }));
        close();
      },
      onError: (err) => setError(errors.message(err)),
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('member.enroll.add')}>
      <Stack>
        <Select
          label={t('member.enroll.track')}
          placeholder={programs.isLoading ? t('common.loading') : t('regions.choose')}
          data={groups}
          value={trackId}
          onChange={(v) => {
            setTrackId(v);
            setError(null);
          }}
          error={error}
          searchable
          nothingFoundMessage={t('member.enroll.noTracks')}
        />
        <Text size="xs" c="dimmed">
          {t('member.enroll.hint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={enroll.isPending}>
            {t('member.enroll.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The tracks this person applied to, where their selection stands and why they are (not) eligible. */
export function MemberEnrollments({ person, canWrite }: { person: ParticipantDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="sm">
      {canWrite && session.can('programs.read') ? (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setOpen(true)}>
            {t('member.enroll.add')}
          </Button>
        </Group>
      ) : null}
      {person.enrollments.length === 0 ? <EmptyBlock title={t('member.enroll.empty')} /> : null}
      {person.enrollments.map((e) => (
        <Card key={e.id} withBorder padding="md" data-testid="enrollment-card">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={0} miw={0}>
                <Text fw={600}>
                  {e.trackCode} — {e.trackName}
                </Text>
                <Text size="sm" c="dimmed">
                  {e.programName}
                </Text>
              </Stack>
              <Group gap={4}>
                {e.quotaOverride ? (
                  <Badge variant="outline" color="orange" size="sm">
                    {t('member.enroll.quotaOverride')}
                  </Badge>
                ) : null}
                <SelectionStatusBadge status={e.status} />
              </Group>
            </Group>
            <EligibilityList items={e.eligibility} />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('member.enroll.applied', { date: fmt.date(e.createdAt) })}
                {e.decidedAt ? ` · ${t('member.enroll.decided', { date: fmt.date(e.decidedAt) })}` : ''}
              </Text>
              {canWrite ? (
                <AnchorLink to="/selection" search={{ trackId: e.trackId, status: e.status }} size="xs">
                  {t('member.enroll.openSelection')}
                </AnchorLink>
              ) : null}
            </Group>
          </Stack>
        </Card>
      ))}
      <EnrollModal person={person} opened={open} onClose={() => setOpen(false)} />
    </Stack>
  );
}
