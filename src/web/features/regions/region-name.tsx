import { Text } from '@mantine/core';
import { useRegion } from './regions-api.js';

/** A region code shown by its name with the parent for context ("Sawangan, Kota Depok"); the code while loading. */
export function RegionName({ code, fallback }: { code: string; fallback?: string }) {
  const { data } = useRegion(code);
  if (!data) return <>{fallback ?? code}</>;
  const parent = data.ancestors[data.ancestors.length - 1];
  return (
    <>
      {data.name}
      {parent ? (
        <Text span c="dimmed" inherit>
          {`, ${parent.name}`}
        </Text>
      ) : null}
    </>
  );
}
