import { Fieldset, Input, SimpleGrid, Stack } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { type RegionLevelNumber, RegionLevelSelect } from './region-level-select.js';
import { RegionSearch } from './region-search.js';
import { regionPath, regionSelectable } from './regions-api.js';

export type RegionPickerProps = {
  /** The chosen region code, or null for none. */
  value: string | null;
  onChange: (code: string | null) => void;
  /** Deepest level offered: 1 province, 2 kab/kota, 3 kecamatan, 4 kelurahan/desa. */
  maxLevel?: RegionLevelNumber;
  /** Only codes under these prefixes can be chosen (ancestors are shown to get there). */
  within?: string[];
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
  withSearch?: boolean;
};

/**
 * Cascading province → kab/kota → kecamatan → kelurahan selects plus a name search. The value is the
 * deepest chosen region that lies inside `within`; choosing only an ancestor yields null.
 */
export function RegionPicker({
  value,
  onChange,
  maxLevel = 4,
  within,
  label,
  description,
  error,
  disabled,
  withSearch = true,
}: RegionPickerProps) {
  const [path, setPath] = useState<string[]>(() => (value ? regionPath(value).slice(0, maxLevel) : []));
  const pathRef = useRef(path);
  const emitted = useRef<string | null>(value);
  const withinKey = within?.join(',') ?? '';
  const limits = withinKey ? withinKey.split(',') : undefined;

  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    const next = value ? regionPath(value).slice(0, maxLevel) : [];
    pathRef.current = next;
    setPath(next);
  }, [value, maxLevel]);

  const update = useCallback(
    (next: string[]) => {
      pathRef.current = next;
      setPath(next);
      const deepest = next[next.length - 1] ?? null;
      const limitList = withinKey ? withinKey.split(',') : undefined;
      const out = deepest && regionSelectable(deepest, limitList) ? deepest : null;
      if (out !== emitted.current) {
        emitted.current = out;
        onChange(out);
      }
    },
    [onChange, withinKey],
  );

  const select = useCallback(
    (level: RegionLevelNumber, code: string | null) => {
      const kept = pathRef.current.slice(0, level - 1);
      update(code ? [...kept, code] : kept);
    },
    [update],
  );

  const levels = ([1, 2, 3, 4] as const).filter((l) => l <= maxLevel);

  return (
    <Fieldset legend={label} disabled={disabled} p="sm">
      <Stack gap="xs">
        {description ? <Input.Description>{description}</Input.Description> : null}
        {withSearch ? (
          <RegionSearch
            within={limits}
            maxLevel={maxLevel}
            disabled={disabled}
            onPick={(code) => update(regionPath(code).slice(0, maxLevel))}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: maxLevel > 1 ? 2 : 1 }} spacing="xs" verticalSpacing="xs">
          {levels.map((level) => (
            <RegionLevelSelect
              key={level}
              level={level}
              parent={level === 1 ? null : (path[level - 2] ?? null)}
              selected={path[level - 1] ?? null}
              within={limits}
              disabled={disabled}
              onSelect={select}
            />
          ))}
        </SimpleGrid>
        {error ? <Input.Error>{error}</Input.Error> : null}
      </Stack>
    </Fieldset>
  );
}
