import { Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconClockExclamation, IconFileSpreadsheet, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { ButtonLink } from '../../app/ui/links.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { todayWib } from '../mentoring/dates.js';
import {
  type AttendanceMark,
  attendanceXlsxUrl,
  type RosterRow,
  useCheckIn,
  useRoster,
  useUndoCheckIn,
} from './roster-api.js';
import type { WaveDetail, WaveSession } from './trainings-api.js';
import { sortRoster } from './wave-roster.js';
import { EnrollmentBadge } from './wave-words.js';

/** People who hold a seat: those whose attendance counts. */
export const seated = (rows: RosterRow[]) =>
  sortRoster(rows).filter((r) => r.status === 'enrolled' || r.status === 'completed' || r.status === 'not_completed');

/** ✓ or ✓ terlambat, with the time and how it was recorded. */
export function MarkIcon({ mark }: { mark: NonNullable<AttendanceMark> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Tooltip label={`${fmt.dateTime(mark.checkedInAt)} · ${t(`trainings.method.${mark.method as 'manual'}`)}`}>
      <Group gap={2} wrap="nowrap" c={mark.late ? 'orange.7' : 'teal.7'} data-testid="mark">
        {mark.late ? <IconClockExclamation size={16} /> : <IconCheck size={16} />}
        <Text size="xs" fw={600} c="inherit">
          {mark.late ? t('trainings.attendance.late') : t('trainings.attendance.present')}
        </Text>
      </Group>
    </Tooltip>
  );
}

function Cell({
  wave,
  row,
  session,
  canAttend,
}: {
  wave: WaveDetail;
  row: RosterRow;
  session: WaveSession;
  canAttend: boolean;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const checkIn = useCheckIn(wave.id);
  const undo = useUndoCheckIn(wave.id);
  const mark = row.attendance[session.id] ?? null;
  const open = canAttend && wave.status === 'scheduled';
  if (mark)
    return open ? (
      <ConfirmButton
        size="compact-xs"
        variant="subtle"
        color="gray"
        question={t('trainings.attendance.undoConfirm', { name: row.fullName, n: session.dayNo })}
        loading={undo.isPending}
        onConfirm={() => undo.mutate({ sessionId: session.id, personId: row.personId }, { onError: errors.notify })}
      >
        <MarkIcon mark={mark} />
      </ConfirmButton>
    ) : (
      <MarkIcon mark={mark} />
    );
  // A day still to come cannot be attended; earlier days can be filled in from a paper list.
  if (!open || session.date > todayWib()) return <Text c="dimmed">·</Text>;
  return (
    <Button
      size="compact-xs"
      variant="default"
      leftSection={<IconPlus size={12} />}
      loading={checkIn.isPending}
      aria-label={t('trainings.attendance.markAria', { name: row.fullName, n: session.dayNo })}
      onClick={() =>
        checkIn.mutate(
          { personId: row.personId, sessionId: session.id },
          {
            onSuccess: (r) => notifySaved(t, t('trainings.checkIn.okManual', { name: r.fullName, n: r.dayNo })),
            onError: errors.notify,
          },
        )
      }
      data-testid="mark-present"
    >
      {t('trainings.attendance.markPresent')}
    </Button>
  );
}

/** Kehadiran: one row per member, one column per day; export to Excel or print a sheet to sign. */
export function WaveAttendance({ wave }: { wave: WaveDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const query = useRoster(wave.id);
  const canAttend = session.can('trainings.attend');

  if (query.isLoading) return <LoadingBlock />;
  if (query.isError || !query.data) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const rows = seated(query.data.items);

  return (
    <Stack gap="sm">
      <Group justify="flex-end" gap="xs">
        <Button
          component="a"
          href={attendanceXlsxUrl(wave.id)}
          download
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} />}
          data-testid="attendance-xlsx"
        >
          {t('trainings.attendance.excel')}
        </Button>
        <ButtonLink
          to="/trainings/waves/$id/print"
          params={{ id: wave.id }}
          target="_blank"
          variant="default"
          leftSection={<IconPrinter size={16} />}
        >
          {t('trainings.attendance.print')}
        </ButtonLink>
      </Group>
      {rows.length === 0 ? (
        <EmptyBlock title={t('trainings.attendance.empty')} description={t('trainings.roster.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={360 + wave.sessions.length * 110}>
          <Table verticalSpacing={4} fz="sm" withColumnBorders data-testid="attendance-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={160} style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)' }}>
                  {t('trainings.roster.name')}
                </Table.Th>
                {wave.sessions.map((s) => (
                  <Table.Th key={s.id} ta="center" miw={100}>
                    {t('trainings.dayShort', { n: s.dayNo })}
                    <Text size="xs" c="dimmed" fw={400}>
                      {fmt.date(s.date)} · {t('trainings.attendance.countN', { n: fmt.number(s.attended) })}
                    </Text>
                  </Table.Th>
                ))}
                <Table.Th ta="center">{t('trainings.roster.attended')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.personId} data-testid="attendance-row">
                  <Table.Td style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)' }}>
                    <Text size="sm" fw={500}>
                      {r.fullName}
                    </Text>
                  </Table.Td>
                  {wave.sessions.map((s) => (
                    <Table.Td key={s.id} ta="center" data-testid={`cell-day-${s.dayNo}`}>
                      <Group justify="center">
                        <Cell wave={wave} row={r} session={s} canAttend={canAttend} />
                      </Group>
                    </Table.Td>
                  ))}
                  <Table.Td ta="center" data-testid="days-attended">
                    {r.daysAttended}/{wave.sessions.length}
                  </Table.Td>
                  <Table.Td>
                    <EnrollmentBadge status={r.status} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
