import { Checkbox, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportMode } from './imports-api.js';
import type { ImportWizard } from './use-import-wizard.js';

/** What to do with NIKs already known, whether the people are already members, and a dry run. */
export function ImportOptions({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const { settings } = wizard;
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('imports.options.mode')}
        value={settings.mode}
        onChange={(v) => wizard.setSettings({ mode: v as ImportMode })}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="create"
            label={t('imports.options.create')}
            description={t('imports.options.createHint')}
            data-testid="import-mode-create"
          />
          <Radio
            value="upsert"
            label={t('imports.options.upsert')}
            description={t('imports.options.upsertHint')}
            data-testid="import-mode-upsert"
          />
        </Stack>
      </Radio.Group>
      <Checkbox
        label={t('imports.options.asMembers')}
        description={t('imports.options.asMembersHint')}
        checked={settings.asMembers}
        onChange={(e) => wizard.setSettings({ asMembers: e.currentTarget.checked })}
        data-testid="import-as-members"
      />
      <Checkbox
        label={t('imports.options.dryRun')}
        description={t('imports.options.dryRunHint')}
        checked={settings.dryRun}
        onChange={(e) => wizard.setSettings({ dryRun: e.currentTarget.checked })}
        data-testid="import-dry-run"
      />
      {wizard.source.trackId ? (
        <Text size="sm" c="dimmed">
          {t('imports.options.trackNote')}
        </Text>
      ) : null}
    </Stack>
  );
}
