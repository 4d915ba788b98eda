import { Alert, Divider, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type ImportField, importFields, requiredImportFields } from '../../../shared/import/fields.js';
import { ImportOptions } from './import-options.js';
import { columnLetter, useFieldLabel } from './import-words.js';
import type { Inspection } from './imports-api.js';
import { StepButtons } from './step-buttons.js';
import type { ImportWizard } from './use-import-wizard.js';

type ColumnOption = { value: string; label: string; sample: string };

function columnOptions(layout: Inspection, noHeader: string): ColumnOption[] {
  return layout.columns.map((c) => {
    const sample = c.samples.find((s) => s !== '' && s !== null && s !== undefined) ?? '';
    return {
      value: String(c.index),
      label: `${columnLetter(c.index)}: ${c.header || noHeader}`,
      sample: sample.length > 40 ? `${sample.slice(0, 40)}…` : sample,
    };
  });
}

/** One row per Sentra field with the file's column that fills it, prefilled with the server's suggestion. */
export function ImportMappingStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const { layout, mapping } = wizard;
  if (!layout) return null;
  const options = columnOptions(layout, t('imports.layout.noHeader'));
  const samples = new Map(options.map((o) => [o.value, o.sample]));
  const unmapped = (f: ImportField) => mapping[f] === undefined;
  const missing = [...new Set([...requiredImportFields.filter(unmapped), ...layout.missingRequired.filter(unmapped)])];
  const setField = (field: ImportField, value: string | null) => {
    const next = { ...mapping };
    if (value === null) delete next[field];
    else next[field] = Number(value);
    wizard.setMapping(next);
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('imports.mapping.intro')}
      </Text>
      {missing.length ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="import-missing">
          {t('imports.mapping.missing', { fields: missing.map(label).join(', ') })}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        {importFields.map((field) => {
          const value = mapping[field];
          const suggested = value !== undefined && layout.suggested[field] === value;
          const sample = value === undefined ? '' : samples.get(String(value));
          return (
            <Select
              key={field}
              label={label(field)}
              withAsterisk={requiredImportFields.includes(field)}
              description={
                sample
                  ? t('imports.mapping.sample', { value: sample })
                  : suggested
                    ? t('imports.mapping.suggested')
                    : ''
              }
              placeholder={t('imports.mapping.none')}
              data={options}
              value={value === undefined ? null : String(value)}
              onChange={(v) => setField(field, v)}
              clearable
              searchable
              renderOption={({ option }) => (
                <Stack gap={0}>
                  <Text size="sm">{option.label}</Text>
                  {samples.get(option.value) ? (
                    <Text size="xs" c="dimmed">
                      {t('imports.mapping.sample', { value: samples.get(option.value) ?? '' })}
                    </Text>
                  ) : null}
                </Stack>
              )}
              data-testid={`map-${field}`}
            />
          );
        })}
      </SimpleGrid>
      <Divider />
      <Title order={5}>{t('imports.options.title')}</Title>
      <ImportOptions wizard={wizard} />
      <StepButtons
        onBack={() => wizard.goTo(1)}
        onNext={() => void wizard.confirmMapping()}
        nextLabel={t('imports.mapping.toPreview')}
        loading={wizard.busy}
        disabled={missing.length > 0}
      />
    </Stack>
  );
}
