import { Box, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type StageStatus, stages } from '../../../shared/participants.js';
import type { StageMap } from './participant-types.js';
import { stageColor, useStageName } from './status-badges.js';

/** Seven small dots, one per 7 PAS stage, coloured by status; the names are in the tooltip. */
export function StageDots({ value }: { value: StageMap }) {
  const { t } = useTranslation();
  const name = useStageName();
  const statusOf = (no: number): StageStatus => value[String(no)] ?? 'not_started';
  const label = stages.map((s) => `${s.no}. ${name(s.no)}: ${t(`participants.stageStatus.${statusOf(s.no)}`)}`);
  const done = stages.filter((s) => statusOf(s.no) === 'done').length;
  return (
    <Tooltip label={label.join('\n')} multiline style={{ whiteSpace: 'pre-line' }}>
      <Group
        gap={3}
        wrap="nowrap"
        role="img"
        aria-label={t('participants.stagesDone', { n: done })}
        data-testid="stage-dots"
        tabIndex={0}
      >
        {stages.map((s) => {
          const status = statusOf(s.no);
          const color = `var(--mantine-color-${stageColor[status]}-${status === 'not_started' ? 3 : 6})`;
          return (
            <Box
              key={s.no}
              w={9}
              h={9}
              style={{
                borderRadius: '50%',
                background: status === 'not_started' ? 'transparent' : color,
                border: `1.5px solid ${color}`,
              }}
            />
          );
        })}
      </Group>
    </Tooltip>
  );
}
