import { Box, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type StageStatus, stages } from '../../../shared/participants.js';
import { useFormat } from '../../app/format.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import type { ParticipantDetail } from './participant-types.js';
import { stageColor, useStageName } from './status-badges.js';

export type Stage = { no: number; status: StageStatus; since: string | null };

function StageMark({ stage }: { stage: Stage }) {
  const color = stageColor[stage.status];
  return (
    <ThemeIcon
      size={34}
      radius="xl"
      color={color}
      variant={stage.status === 'not_started' ? 'outline' : 'filled'}
      style={{ flexShrink: 0 }}
    >
      {stage.status === 'done' ? (
        <IconCheck size={18} />
      ) : (
        <Text fw={700} size="sm">
          {stage.no}
        </Text>
      )}
    </ThemeIcon>
  );
}

function StageText({ stage, align }: { stage: Stage; align: 'center' | 'left' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const name = useStageName();
  return (
    <Stack gap={0} align={align === 'center' ? 'center' : 'flex-start'} ta={align} miw={0}>
      <Text size="sm" fw={600} lh={1.25}>
        {name(stage.no)}
      </Text>
      <Text size="xs" c={stage.status === 'not_started' ? 'dimmed' : `${stageColor[stage.status]}.8`}>
        {t(`participants.stageStatus.${stage.status}`)}
      </Text>
      {stage.since && stage.status !== 'not_started' ? (
        <Text size="xs" c="dimmed">
          {fmt.date(stage.since)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The 7 PAS stages of a participant record (staff's member page). */
export function StageTracker({ person, onRecord }: { person: ParticipantDetail; onRecord?: () => void }) {
  const list: Stage[] = stages.map((s) => {
    const row = person.stageList.find((x) => x.stage === s.no);
    const status = row?.status ?? person.stages[String(s.no)] ?? 'not_started';
    return { no: s.no, status, since: row?.since ?? null };
  });
  return <StageTrackerView list={list} onRecord={onRecord} />;
}

/** The 7 PAS stages side by side on a desk, one per row on a phone; done is green with its date. */
export function StageTrackerView({ list, onRecord }: { list: Stage[]; onRecord?: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Card withBorder padding="md" data-testid="stage-tracker">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('member.stages')}</Title>
        {onRecord ? (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={onRecord}>
            {t('member.recordStage')}
          </Button>
        ) : null}
      </Group>
      {isMobile ? (
        <Stack gap={0}>
          {list.map((s, i) => (
            <Group key={s.no} gap="sm" wrap="nowrap" align="stretch" data-stage={s.no} data-status={s.status}>
              <Stack gap={0} align="center">
                <StageMark stage={s} />
                {i < list.length - 1 ? (
                  <Box
                    w={2}
                    mih={12}
                    style={{ flexGrow: 1 }}
                    bg={s.status === 'done' ? 'teal.6' : 'gray.3'}
                    aria-hidden
                  />
                ) : null}
              </Stack>
              <Box pb="xs" pt={4}>
                <StageText stage={s} align="left" />
              </Box>
            </Group>
          ))}
        </Stack>
      ) : (
        <SimpleGrid cols={7} spacing={0}>
          {list.map((s, i) => (
            <Stack key={s.no} gap={6} align="center" pos="relative" data-stage={s.no} data-status={s.status}>
              {i < list.length - 1 ? (
                <Box
                  pos="absolute"
                  top={16}
                  left="calc(50% + 20px)"
                  right="calc(-50% + 20px)"
                  h={2}
                  bg={s.status === 'done' ? 'teal.6' : 'gray.3'}
                  aria-hidden
                />
              ) : null}
              <StageMark stage={s} />
              <StageText stage={s} align="center" />
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
