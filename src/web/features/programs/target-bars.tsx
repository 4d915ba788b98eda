import { Box, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import type { TargetRow } from './target-rows.js';

/**
 * Target against achievement per kecamatan as horizontal bars on one scale: the bar's length is the target, its
 * filled part what was reached. Saved values only, so the picture matches the table after saving.
 */
export function TargetBars({ rows }: { rows: TargetRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const bars = rows.filter((r) => r.districtCode !== null && r.saved);
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((r) => Math.max(r.saved!.target, r.saved!.achieved)));
  const pct = (n: number) => (n / max) * 100;

  return (
    <Stack gap={6} aria-label={t('programs.chartTitle')}>
      <Group gap="md">
        <Text size="xs" fw={600}>
          {t('programs.chartTitle')}
        </Text>
        <Group gap={4}>
          <Box w={10} h={10} bg="teal.6" style={{ borderRadius: 2 }} />
          <Text size="xs">{t('programs.achieved')}</Text>
        </Group>
        <Group gap={4}>
          <Box w={10} h={10} bg="teal.1" style={{ borderRadius: 2 }} />
          <Text size="xs">{t('programs.remaining')}</Text>
        </Group>
      </Group>
      {bars.map((r) => {
        const { target, achieved } = r.saved!;
        const reached = Math.min(achieved, target);
        return (
          <Group key={r.key} gap="xs" wrap="nowrap">
            <Text size="xs" w={130} truncate title={r.name ?? ''} style={{ flexShrink: 0 }}>
              {r.name}
            </Text>
            <Tooltip
              label={t('programs.progressLabel', { achieved: fmt.number(achieved), target: fmt.number(target) })}
            >
              <Progress.Root size="lg" bg="transparent" style={{ flex: 1 }}>
                <Progress.Section value={pct(reached)} color="teal.6" />
                {achieved > target ? <Progress.Section value={pct(achieved - target)} color="teal.8" /> : null}
                <Progress.Section value={pct(target - reached)} color="teal.1" />
              </Progress.Root>
            </Tooltip>
            <Text size="xs" c="dimmed" w={70} ta="right" style={{ flexShrink: 0 }}>
              {fmt.number(achieved)}/{fmt.number(target)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
