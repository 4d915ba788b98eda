import { Anchor, Button, Card, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconCertificate, IconSearch, IconUserPlus, IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { AnchorLink } from '../../app/ui/links.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { dayOfWib } from '../mentoring/dates.js';
import { MemberPickerModal } from './member-picker-modal.js';
import { certificatePdfUrl, type RosterRow, useCancelEnrollment, useRoster } from './roster-api.js';
import type { WaveDetail } from './trainings-api.js';
import { EnrollmentBadge } from './wave-words.js';

const order: Record<string, number> = { enrolled: 0, completed: 0, not_completed: 0, waitlisted: 1, cancelled: 2 };

/** Seated people first (by name), then the waitlist in its order, the cancelled last. */
export function sortRoster(rows: RosterRow[]): RosterRow[] {
  return [...rows].sort(
    (a, b) =>
      (order[a.status] ?? 3) - (order[b.status] ?? 3) ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.fullName.localeCompare(b.fullName, 'id'),
  );
}

function RemoveButton({ wave, row }: { wave: WaveDetail; row: RosterRow }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const cancel = useCancelEnrollment(wave.id);
  if (row.status !== 'enrolled' && row.status !== 'waitlisted') return null;
  return (
    <ConfirmButton
      size="compact-xs"
      variant="subtle"
      color="red"
      leftSection={<IconUserX size={12} />}
      question={t('trainings.roster.removeConfirm', { name: row.fullName })}
      loading={cancel.isPending}
      onConfirm={() =>
        cancel.mutate(row.personId, {
          onSuccess: (r) =>
            notifySaved(t, r.promoted ? t('trainings.roster.removedPromoted') : t('trainings.roster.removed')),
          onError: errors.notify,
        })
      }
    >
      {t('common.remove')}
    </ConfirmButton>
  );
}

function Certificate({ row }: { row: RosterRow }) {
  const { t } = useTranslation();
  if (!row.certificate) return <Text size="sm">—</Text>;
  return (
    <Anchor
      href={certificatePdfUrl(row.certificate.id)}
      target="_blank"
      size="sm"
      td={row.certificate.revoked ? 'line-through' : undefined}
      title={row.certificate.revoked ? t('trainings.roster.revoked') : undefined}
    >
      <IconCertificate size={14} /> {row.certificate.serial}
    </Anchor>
  );
}

/** Peserta: who is in the wave, their place on the waitlist, days attended and certificate; add and remove. */
export function WaveRoster({ wave }: { wave: WaveDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const isMobile = useIsMobile();
  const query = useRoster(wave.id);
  const [picking, setPicking] = useState(false);
  const [q, setQ] = useState('');
  const [showCancelled, setShowCancelled] = useState(false);
  const canEnroll = session.can('trainings.enroll') && wave.status === 'scheduled';

  if (query.isLoading) return <LoadingBlock />;
  if (query.isError || !query.data) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const all = query.data.items;
  const needle = q.trim().toLowerCase();
  const rows = sortRoster(all).filter(
    (r) => (showCancelled || r.status !== 'cancelled') && (!needle || r.fullName.toLowerCase().includes(needle)),
  );
  const taken = new Set(all.filter((r) => r.status !== 'cancelled').map((r) => r.personId));
  const days = wave.sessions.length;

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('trainings.roster.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
        />
        <Group gap="sm">
          {all.some((r) => r.status === 'cancelled') ? (
            <Switch
              size="xs"
              label={t('trainings.roster.showCancelled')}
              checked={showCancelled}
              onChange={(e) => setShowCancelled(e.currentTarget.checked)}
            />
          ) : null}
          {canEnroll ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setPicking(true)} data-testid="roster-add">
              {t('trainings.roster.add')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {all.length === 0 ? (
        <EmptyBlock title={t('trainings.roster.empty')} description={t('trainings.roster.emptyHint')} />
      ) : isMobile ? (
        <Stack gap="xs" data-testid="roster-cards">
          {rows.map((r) => (
            <Card key={r.personId} withBorder padding="sm" data-testid="roster-row">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <AnchorLink to="/participants/$id" params={{ id: r.personId }} fw={600} truncate>
                  {r.fullName}
                </AnchorLink>
                <EnrollmentBadge status={r.status} waitlistPosition={r.waitlistPosition} size="sm" />
              </Group>
              <Text size="sm" c="dimmed">
                {r.districtName ?? '—'} · {t('trainings.roster.daysOf', { n: r.daysAttended, of: days })}
              </Text>
              {r.certificate || canEnroll ? (
                <Group justify="space-between" mt={4}>
                  {r.certificate ? <Certificate row={r} /> : <span />}
                  {canEnroll ? <RemoveButton wave={wave} row={r} /> : null}
                </Group>
              ) : null}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={6} fz="sm" highlightOnHover data-testid="roster-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainings.roster.name')}</Table.Th>
                <Table.Th>{t('trainings.kecamatan')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('trainings.roster.attended')}</Table.Th>
                <Table.Th>{t('trainings.roster.certificate')}</Table.Th>
                <Table.Th>{t('trainings.roster.enrolledAt')}</Table.Th>
                {canEnroll ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.personId} data-testid="roster-row" opacity={r.status === 'cancelled' ? 0.6 : 1}>
                  <Table.Td>
                    <AnchorLink to="/participants/$id" params={{ id: r.personId }} fw={500} size="sm">
                      {r.fullName}
                    </AnchorLink>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {r.nikMasked}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.districtName ?? '—'}
                    <Text size="xs" c="dimmed">
                      {r.villageName ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <EnrollmentBadge status={r.status} waitlistPosition={r.waitlistPosition} size="sm" />
                  </Table.Td>
                  <Table.Td>{t('trainings.roster.daysOf', { n: r.daysAttended, of: days })}</Table.Td>
                  <Table.Td>
                    <Certificate row={r} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {fmt.date(dayOfWib(r.enrolledAt))}
                    <Text size="xs" c="dimmed">
                      {t(`trainings.source.${r.source === 'self' ? 'self' : 'staff'}`)}
                    </Text>
                  </Table.Td>
                  {canEnroll ? (
                    <Table.Td>
                      <RemoveButton wave={wave} row={r} />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEnroll ? (
        <MemberPickerModal waveId={wave.id} takenIds={taken} opened={picking} onClose={() => setPicking(false)} />
      ) : null}
    </Stack>
  );
}
