import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconGitMerge, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { useDuplicates, useMarkDistinct, useMerge } from './member-api.js';
import type { DuplicateCandidate, ParticipantDetail } from './participant-types.js';

const knownReasons = ['nik_one_digit', 'nik_swap', 'same_name_birth_date', 'same_phone'] as const;

type Side = { fullName: string; nikMasked: string; birthDate: string; phone: string | null };

function SideCard({ title, side, highlight }: { title: string; side: Side; highlight?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const phone = side.phone && /^\+62\d+$/.test(side.phone) ? fmt.phone(side.phone) : (side.phone ?? '—');
  return (
    <Card withBorder padding="sm" bg={highlight ? 'teal.0' : undefined}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {title}
      </Text>
      <Text fw={600}>{side.fullName}</Text>
      <Text size="sm" ff="monospace">
        {side.nikMasked}
      </Text>
      <Text size="sm">
        {t('member.profile.birthDate')}: {fmt.date(side.birthDate)}
      </Text>
      <Text size="sm">
        {t('member.profile.phone')}: {phone}
      </Text>
    </Card>
  );
}

function MergeModal({
  person,
  other,
  onClose,
}: {
  person: ParticipantDetail;
  other: DuplicateCandidate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const merge = useMerge(person.id);
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  return (
    <Modal opened={other !== null} onClose={close} title={t('duplicates.mergeTitle')}>
      <Stack>
        <Alert color="orange">
          {t('duplicates.mergeConfirm', { other: other?.fullName ?? '', keep: person.fullName })}
        </Alert>
        <Textarea
          label={t('duplicates.reason')}
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            leftSection={<IconGitMerge size={16} />}
            loading={merge.isPending}
            onClick={() =>
              other &&
              merge.mutate(
                { otherId: other.id, reason: reason.trim() || null },
                {
                  onSuccess: () => {
                    notifySaved(t, t('duplicates.merged'));
                    close();
                  },
                  onError: errors.notify,
                },
              )
            }
          >
            {t('duplicates.merge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Records that may be the same person, side by side with this one, and the two ways to settle it. */
export function MemberDuplicates({ person, canWrite }: { person: ParticipantDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const session = useSession();
  const query = useDuplicates(person.id);
  const distinct = useMarkDistinct(person.id);
  const [merging, setMerging] = useState<DuplicateCandidate | null>(null);

  if (query.isLoading) return <LoadingBlock />;
  if (query.isError) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items ?? [];
  if (items.length === 0) return <EmptyBlock title={t('duplicates.none')} description={t('duplicates.noneHint')} />;
  const canMerge = session.can('participants.merge') && person.status !== 'merged';

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('duplicates.intro')}
      </Text>
      {items.map((c) => (
        <Card key={c.id} withBorder padding="md" data-testid="duplicate-card">
          <Stack gap="sm">
            <Group gap={6}>
              <IconUsers size={16} />
              {c.reasons.map((r) => (
                <Badge key={r} color="orange" variant="light" tt="none">
                  {(knownReasons as readonly string[]).includes(r)
                    ? t(`duplicates.reasons.${r as (typeof knownReasons)[number]}`)
                    : r}
                </Badge>
              ))}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <SideCard title={t('duplicates.thisRecord')} side={person} highlight />
              <SideCard title={t('duplicates.candidate')} side={c} />
            </SimpleGrid>
            <Group justify="space-between" gap="xs">
              <AnchorLink to="/participants/$id" params={{ id: c.id }} size="sm">
                {t('duplicates.open')}
              </AnchorLink>
              {canWrite ? (
                <Group gap="xs">
                  <Button
                    variant="default"
                    size="xs"
                    loading={distinct.isPending && distinct.variables === c.id}
                    onClick={() =>
                      distinct.mutate(c.id, {
                        onSuccess: () => notifySaved(t, t('duplicates.distinctDone')),
                        onError: errors.notify,
                      })
                    }
                  >
                    {t('duplicates.distinct')}
                  </Button>
                  {canMerge ? (
                    <Button
                      size="xs"
                      color="orange"
                      leftSection={<IconGitMerge size={14} />}
                      onClick={() => setMerging(c)}
                    >
                      {t('duplicates.merge')}
                    </Button>
                  ) : null}
                </Group>
              ) : null}
            </Group>
          </Stack>
        </Card>
      ))}
      <MergeModal person={person} other={merging} onClose={() => setMerging(null)} />
    </Stack>
  );
}
