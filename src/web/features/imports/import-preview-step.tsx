import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';
import { type ImportField, importFields } from '../../../shared/import/fields.js';
import { EmptyBlock } from '../../app/ui/query-state.js';
import { outcomeColor } from './import-outcome.js';
import { PreviewTable } from './import-preview-table.js';
import { useFieldLabel } from './import-words.js';
import type { RowOutcome } from './imports-api.js';
import { StepButtons } from './step-buttons.js';
import type { ImportWizard } from './use-import-wizard.js';

const outcomes: RowOutcome[] = ['ok', 'update', 'duplicate', 'rejected'];

/** The first rows checked exactly as the import will check them, then the start. */
export function ImportPreviewStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const { preview, settings } = wizard;
  if (!preview) return null;
  const counts = Object.fromEntries(outcomes.map((o) => [o, preview.rows.filter((r) => r.outcome === o).length]));
  const mapped = importFields.filter((f) => preview.mapping[f as ImportField] !== undefined);

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {t('imports.preview.intro', { n: formatNumber(preview.rows.length) })}
        </Text>
        <Group gap="xs" data-testid="preview-counts">
          {outcomes.map((o) => (
            <Badge key={o} color={outcomeColor[o]} variant="light" size="lg" tt="none" data-outcome={o}>
              {t(`imports.outcome.${o}`)}: {formatNumber(counts[o] ?? 0)}
            </Badge>
          ))}
        </Group>
      </Stack>
      {preview.missingRequired.length ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="import-missing">
          {t('imports.mapping.missing', { fields: preview.missingRequired.map(label).join(', ') })}
        </Alert>
      ) : null}
      {settings.dryRun ? (
        <Alert color="blue" icon={<IconFlask size={18} />}>
          {t('imports.preview.dryRunNote')}
        </Alert>
      ) : null}
      {preview.rows.length ? (
        <PreviewTable rows={preview.rows} fields={mapped} />
      ) : (
        <EmptyBlock title={t('imports.preview.noRows')} description={t('imports.preview.noRowsHint')} />
      )}
      <StepButtons
        onBack={() => wizard.goTo(2)}
        onNext={() => void wizard.start()}
        nextLabel={settings.dryRun ? t('imports.preview.startDryRun') : t('imports.preview.start')}
        loading={wizard.busy}
        disabled={preview.missingRequired.length > 0 || preview.rows.length === 0}
        nextTestId="import-start"
      />
    </Stack>
  );
}
