import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowOutcome } from './imports-api.js';

export const outcomeColor: Record<RowOutcome, string> = {
  ok: 'teal',
  update: 'blue',
  duplicate: 'yellow',
  rejected: 'red',
};

/** What the import will do with a row: "Akan diimpor", "Akan diperbarui", "Duplikat", "Ditolak". */
export function OutcomeBadge({ outcome }: { outcome: RowOutcome }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={outcomeColor[outcome] ?? 'gray'}
      variant="light"
      // A table column may be narrow; the word must stay whole.
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
      data-testid="outcome-badge"
      data-outcome={outcome}
    >
      {t(`imports.outcome.${outcome}`)}
    </Badge>
  );
}
