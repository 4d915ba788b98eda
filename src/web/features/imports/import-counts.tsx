import { Card, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';
import type { ImportRun, IssueKind } from './imports-api.js';

type CountKey = 'imported' | 'updated' | 'duplicates' | 'rejected' | 'total';
const colors: Record<CountKey, string> = {
  imported: 'teal.8',
  updated: 'blue.8',
  duplicates: 'yellow.8',
  rejected: 'red.8',
  total: 'dark',
};
type LabelKey = CountKey | `${Exclude<CountKey, 'total'>}DryRun`;
// A dry run wrote nothing: its cards say what would have happened.
const labelKey = (key: CountKey, dryRun: boolean): LabelKey => (dryRun && key !== 'total' ? `${key}DryRun` : key);
const issueKind: Partial<Record<CountKey, IssueKind>> = { duplicates: 'duplicate', rejected: 'rejected' };

/** Where every row ended up; rejected and duplicate cards open their list below. */
export function ImportCounts({ run, onKind }: { run: ImportRun; onKind: (kind: IssueKind) => void }) {
  const { t } = useTranslation();
  const keys: CountKey[] = ['imported', 'updated', 'duplicates', 'rejected', 'total'];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" data-testid="import-counts">
      {keys.map((key) => {
        const kind = issueKind[key];
        const body = (
          <Card key={key} withBorder padding="md" h="100%">
            <Text size="sm" c="dimmed">
              {t(`imports.counts.${labelKey(key, run.dryRun)}`)}
            </Text>
            <Text fz={28} fw={700} c={colors[key]} data-testid={`count-${key}`}>
              {formatNumber(run.counts[key] ?? 0)}
            </Text>
          </Card>
        );
        return kind && run.counts[key] > 0 ? (
          <UnstyledButton key={key} onClick={() => onKind(kind)} title={t('imports.counts.open')}>
            {body}
          </UnstyledButton>
        ) : (
          <div key={key}>{body}</div>
        );
      })}
    </SimpleGrid>
  );
}
