import { Group, NumberInput, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { percent, type TargetRow } from './target-rows.js';

function AchievedBar({ achieved, target }: { achieved: number; target: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pct = percent(achieved, target);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={Math.min(100, pct)}
        color={pct >= 100 ? 'teal' : 'blue'}
        size="lg"
        w={120}
        aria-label={t('programs.progressLabel', { achieved: fmt.number(achieved), target: fmt.number(target) })}
      />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {fmt.number(achieved)} / {fmt.number(target)} ({pct}%)
      </Text>
    </Group>
  );
}

/** One track's targets for a year: whole area and each kecamatan, editable when the person manages programs. */
export function TargetTable({
  rows,
  canManage,
  errors,
  onChange,
}: {
  rows: TargetRow[];
  canManage: boolean;
  errors: Record<string, string>;
  onChange: (row: TargetRow, value: number) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const districtRows = rows.filter((r) => r.districtCode !== null);
  const totalTarget = districtRows.reduce((n, r) => n + (r.value === '' ? 0 : r.value), 0);
  const totalAchieved = districtRows.reduce((n, r) => n + (r.saved?.achieved ?? 0), 0);

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programs.area')}</Table.Th>
            <Table.Th w={140}>{t('programs.target')}</Table.Th>
            <Table.Th ta="right">{t('programs.achieved')}</Table.Th>
            <Table.Th>{t('programs.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const target = r.value === '' ? 0 : r.value;
            const label = r.name ?? t('programs.wholeArea');
            return (
              <Table.Tr key={r.key} data-testid="target-row">
                <Table.Td fw={r.districtCode === null ? 600 : undefined}>{label}</Table.Td>
                <Table.Td>
                  {canManage ? (
                    <NumberInput
                      size="xs"
                      w={120}
                      min={0}
                      allowDecimal={false}
                      allowNegative={false}
                      thousandSeparator="."
                      decimalSeparator=","
                      hideControls
                      aria-label={t('programs.targetFor', { area: label })}
                      value={r.value}
                      onChange={(v) => onChange(r, typeof v === 'number' ? v : Number(v) || 0)}
                      error={errors[r.key]}
                    />
                  ) : (
                    fmt.number(r.saved?.target)
                  )}
                </Table.Td>
                <Table.Td ta="right">{r.saved ? fmt.number(r.saved.achieved) : '—'}</Table.Td>
                <Table.Td>
                  {r.saved && target > 0 ? <AchievedBar achieved={r.saved.achieved} target={target} /> : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('programs.totalDistricts')}</Table.Th>
            <Table.Th>{fmt.number(totalTarget)}</Table.Th>
            <Table.Th ta="right">{fmt.number(totalAchieved)}</Table.Th>
            <Table.Th>
              {totalTarget > 0 ? <AchievedBar achieved={totalAchieved} target={totalTarget} /> : null}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
