import { Box, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { type AttendanceMark, useRoster } from './roster-api.js';
import { useWave } from './trainings-api.js';
import { seated } from './wave-attendance.js';
import { clockWib, useWaveWords } from './wave-words.js';

// The sheet prints alone: no buttons, black on white, rows tall enough to sign in.
const printCss = `
@page { size: A4 landscape; margin: 12mm; }
@media print {
  .no-print { display: none !important; }
  body { background: #fff; }
}
.attendance-sheet th, .attendance-sheet td { border: 1px solid #555 !important; color: #000; }
.attendance-sheet td { height: 34px; }
`;

/** The arrival time on a one-day sheet: `08.12`, `08.40 (terlambat)`. */
function arrival(mark: AttendanceMark, late: string): string {
  if (!mark) return '';
  return mark.late ? `${clockWib(mark.checkedInAt)} (${late})` : clockWib(mark.checkedInAt);
}

function markText(mark: AttendanceMark, late: string): string {
  if (!mark) return '';
  return mark.late ? `✓ ${late}` : '✓';
}

/** A clean attendance sheet of a wave to print: every day at once, or one day with arrival times, and signatures. */
export function WavePrintPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useWaveWords();
  const wave = useWave(id);
  const roster = useRoster(id);
  const [day, setDay] = useState('all');

  if (wave.isLoading || roster.isLoading) return <LoadingBlock />;
  if (wave.isError || !wave.data) return <ErrorBlock error={wave.error} />;
  if (roster.isError || !roster.data) return <ErrorBlock error={roster.error} />;
  const w = wave.data;
  const rows = seated(roster.data.items);
  const session = w.sessions.find((s) => s.id === day);
  const late = t('trainings.attendance.late');

  return (
    <Box p="md" maw={1100} mx="auto" bg="white">
      <style>{printCss}</style>
      <Group className="no-print" justify="space-between" mb="md" gap="sm">
        <SegmentedControl
          value={day}
          onChange={setDay}
          data={[
            { value: 'all', label: t('trainings.print.allDays') },
            ...w.sessions.map((s) => ({ value: s.id, label: t('trainings.dayShort', { n: s.dayNo }) })),
          ]}
        />
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t('trainings.print.print')}
        </Button>
      </Group>
      <Stack gap={2} mb="sm">
        <Title order={2} size="h3">
          {t('trainings.print.title')}
        </Title>
        <Text fw={600}>
          {w.course.title} — {w.name}
        </Text>
        <Text size="sm">
          {session
            ? `${t('trainings.dayShort', { n: session.dayNo })}, ${fmt.date(session.date)} · ${session.startsAt}–${session.endsAt}`
            : words.dates(w)}
          {' · '}
          {words.place(w)}
          {w.venueAddress ? `, ${w.venueAddress}` : ''}
        </Text>
        <Text size="sm">
          {t('trainings.col.trainer')}: {w.trainerName ?? '—'}
        </Text>
      </Stack>
      <Table className="attendance-sheet" withTableBorder withColumnBorders fz="sm" data-testid="print-sheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>{t('trainings.print.no')}</Table.Th>
            <Table.Th>{t('trainings.roster.name')}</Table.Th>
            <Table.Th>{t('trainings.print.nik')}</Table.Th>
            <Table.Th>{t('trainings.kecamatan')}</Table.Th>
            {session ? (
              <Table.Th w={90}>{t('trainings.print.arrival')}</Table.Th>
            ) : (
              w.sessions.map((s) => (
                <Table.Th key={s.id} w={70} ta="center">
                  {t('trainings.dayShort', { n: s.dayNo })}
                  <Text size="xs">{fmt.date(s.date)}</Text>
                </Table.Th>
              ))
            )}
            <Table.Th w={session ? 220 : 160}>{t('trainings.print.signature')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={r.personId}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{r.fullName}</Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {r.nikMasked}
              </Table.Td>
              <Table.Td>{r.districtName ?? ''}</Table.Td>
              {session ? (
                <Table.Td>{arrival(r.attendance[session.id] ?? null, late)}</Table.Td>
              ) : (
                w.sessions.map((s) => (
                  <Table.Td key={s.id} ta="center">
                    {markText(r.attendance[s.id] ?? null, late)}
                  </Table.Td>
                ))
              )}
              <Table.Td />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" mt="sm">
        {t('trainings.print.footer', { n: rows.length })}
      </Text>
    </Box>
  );
}
