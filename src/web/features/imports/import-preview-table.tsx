import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ImportField, importFields } from '../../../shared/import/fields.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { OutcomeBadge } from './import-outcome.js';
import { cellText, useFieldLabel } from './import-words.js';
import type { PreviewRow, RowProblem } from './imports-api.js';

/** Each problem in the server's plain words; an ambiguous region lists the places it could mean. */
export function ProblemList({ problems, withField }: { problems: RowProblem[]; withField?: boolean }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  if (problems.length === 0) return null;
  return (
    <Stack gap={2}>
      {problems.map((p) => (
        <Text
          key={`${p.field}-${p.code}-${p.message}`}
          size="xs"
          c="red.8"
          data-testid="row-problem"
          data-code={p.code}
        >
          {withField && p.field ? `${label(p.field)}: ` : ''}
          {p.message}
          {p.candidates?.length
            ? ` — ${t('imports.preview.candidates', { list: p.candidates.map((c) => `${c.name} (${c.code})`).join('; ') })}`
            : ''}
        </Text>
      ))}
    </Stack>
  );
}

function Cell({ row, field }: { row: PreviewRow; field: ImportField }) {
  const resolved = field === 'kelurahan' && row.resolved?.kelurahan ? row.resolved : null;
  return (
    <Stack gap={2}>
      <Text size="sm">{cellText(row.values[field])}</Text>
      {resolved ? (
        <Text size="xs" c="dimmed">
          → {[resolved.kelurahan, resolved.kecamatan].filter(Boolean).join(', ')}
        </Text>
      ) : null}
      <ProblemList problems={row.problems.filter((p) => p.field === field)} />
    </Stack>
  );
}

/** The first rows of the file as the import will see them: an outcome per row, problems under their cells. */
export function PreviewTable({ rows, fields }: { rows: PreviewRow[]; fields: ImportField[] }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const isMobile = useIsMobile();
  const shown = importFields.filter((f) => fields.includes(f));
  const elsewhere = (r: PreviewRow) => r.problems.filter((p) => !p.field || !shown.includes(p.field as ImportField));
  const hasOther = rows.some((r) => elsewhere(r).length > 0);

  if (isMobile) {
    return (
      <Stack gap="xs">
        {rows.map((r) => (
          <Card key={r.rowNo} withBorder padding="sm" data-testid="preview-row">
            <Group justify="space-between" wrap="nowrap" mb={4}>
              <Text size="sm" fw={600}>
                {t('imports.preview.row', { n: r.rowNo })} · {cellText(r.values.fullName)}
              </Text>
              <OutcomeBadge outcome={r.outcome} />
            </Group>
            <ProblemList problems={r.problems} withField />
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={Math.max(700, shown.length * 140)}>
      <Table verticalSpacing="xs" fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.preview.rowNo')}</Table.Th>
            <Table.Th miw={130}>{t('imports.preview.outcome')}</Table.Th>
            {shown.map((f) => (
              <Table.Th key={f}>{label(f)}</Table.Th>
            ))}
            {hasOther ? <Table.Th>{t('imports.preview.otherProblems')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.rowNo} data-testid="preview-row" style={{ verticalAlign: 'top' }}>
              <Table.Td>{r.rowNo}</Table.Td>
              <Table.Td>
                <OutcomeBadge outcome={r.outcome} />
              </Table.Td>
              {shown.map((f) => (
                <Table.Td key={f}>
                  <Cell row={r} field={f} />
                </Table.Td>
              ))}
              {hasOther ? (
                <Table.Td>
                  <ProblemList problems={elsewhere(r)} withField />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
