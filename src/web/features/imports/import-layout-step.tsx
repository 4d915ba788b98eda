import { Badge, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { columnLetter } from './import-words.js';
import { StepButtons } from './step-buttons.js';
import type { ImportWizard } from './use-import-wizard.js';

/** Which sheet holds the people and on which row its headers are (dinas files often start with a title). */
export function ImportLayoutStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const { layout, upload } = wizard;
  if (!layout || !upload) return null;
  const sheets = layout.sheets.length ? layout.sheets : upload.sheets;
  const stale = wizard.headerRow !== layout.headerRow || wizard.sheet !== layout.sheet;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('imports.layout.intro', { name: upload.fileName })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('imports.layout.sheet')}
          data={sheets}
          value={wizard.sheet}
          onChange={(v) => v && void wizard.chooseSheet(v)}
          allowDeselect={false}
          disabled={sheets.length < 2 || wizard.busy}
          data-testid="import-sheet"
        />
        <NumberInput
          label={t('imports.layout.headerRow')}
          description={t('imports.layout.headerRowHint')}
          min={1}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          value={wizard.headerRow}
          onChange={(v) => typeof v === 'number' && v >= 1 && wizard.setHeaderRow(v)}
          data-testid="import-header-row"
        />
      </SimpleGrid>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('imports.layout.columnsFound', { n: layout.headerRow, count: layout.columns.length })}
        </Text>
        <Group gap={6} data-testid="import-columns">
          {layout.columns.map((c) => (
            <Badge key={c.index} variant="light" color="gray" tt="none" fw={500}>
              {columnLetter(c.index)}: {c.header || t('imports.layout.noHeader')}
            </Badge>
          ))}
        </Group>
        {stale ? (
          <Text size="sm" c="orange.8">
            {t('imports.layout.stale', { n: wizard.headerRow })}
          </Text>
        ) : null}
      </Stack>
      <StepButtons
        onBack={() => wizard.goTo(0)}
        onNext={() => void wizard.confirmLayout()}
        loading={wizard.busy}
        disabled={!wizard.sheet}
      />
    </Stack>
  );
}
