import { Button, Group, Input, Pill, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionWithin } from '../../../shared/access.js';
import type { RegionLevelNumber } from './region-level-select.js';
import { RegionName } from './region-name.js';
import { RegionPicker } from './region-picker.js';

/** A list of regions (an operator's service area): pick one with the RegionPicker, add it, remove with ×. */
export function RegionMultiPicker({
  value,
  onChange,
  names,
  label,
  error,
  maxLevel = 3,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  /** Names already known (from the API) by code, so pills need no extra request. */
  names?: Record<string, string>;
  label: ReactNode;
  error?: ReactNode;
  maxLevel?: RegionLevelNumber;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);

  const add = () => {
    if (!draft) return;
    // A region inside one already listed adds nothing; one that contains listed regions replaces them.
    if (value.some((c) => regionWithin(draft, c))) {
      setDraft(null);
      return;
    }
    onChange([...value.filter((c) => !regionWithin(c, draft)), draft].sort());
    setDraft(null);
  };

  return (
    <Stack gap="xs">
      <Input.Label>{label}</Input.Label>
      {value.length ? (
        <Group gap={6}>
          {value.map((code) => (
            <Pill
              key={code}
              size="md"
              withRemoveButton
              removeButtonProps={{ 'aria-label': t('common.remove') }}
              onRemove={() => onChange(value.filter((c) => c !== code))}
            >
              {names?.[code] ?? <RegionName code={code} />}
            </Pill>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('regions.noneChosen')}
        </Text>
      )}
      <RegionPicker value={draft} onChange={setDraft} maxLevel={maxLevel} label={t('regions.addArea')} />
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} disabled={!draft} onClick={add}>
          {t('regions.addToList')}
        </Button>
      </Group>
      {error ? <Input.Error>{error}</Input.Error> : null}
    </Stack>
  );
}
