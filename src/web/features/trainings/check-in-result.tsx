import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import type { CheckInResult } from './roster-api.js';

export type CheckInOutcome =
  | { ok: true; result: CheckInResult; at: number }
  | { ok: false; message: string; at: number };

/**
 * The answer to a scan, big enough to read at arm's length: green with the member's name, or red with what went
 * wrong ("sudah check-in pukul 08.12", "tidak terdaftar di gelombang ini").
 */
export function CheckInResultPanel({ outcome }: { outcome: CheckInOutcome }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ok = outcome.ok;
  return (
    <Paper
      key={outcome.at}
      p="lg"
      radius="lg"
      bg={ok ? 'teal.6' : 'red.6'}
      c="white"
      role="status"
      aria-live="assertive"
      data-testid="check-in-result"
      data-ok={ok}
    >
      <Stack gap={6} align="center" ta="center">
        <ThemeIcon size={64} radius="xl" color="white" variant="white" c={ok ? 'teal.7' : 'red.7'}>
          {ok ? <IconCheck size={44} stroke={3} /> : <IconX size={44} stroke={3} />}
        </ThemeIcon>
        {outcome.ok ? (
          <>
            <Text fz={26} fw={700} lh={1.2} data-testid="check-in-name">
              {outcome.result.fullName}
            </Text>
            <Text fz="lg">
              {outcome.result.late
                ? t('trainings.checkIn.okLate', { n: outcome.result.dayNo })
                : t('trainings.checkIn.ok', { n: outcome.result.dayNo })}
            </Text>
            <Text size="sm">
              {fmt.dateTime(outcome.result.checkedInAt)} ·{' '}
              {t('trainings.checkIn.daysSoFar', { n: outcome.result.daysAttended })}
            </Text>
            {outcome.result.completed ? <Text fw={700}>{t('trainings.checkIn.completed')}</Text> : null}
          </>
        ) : (
          <Text fz="xl" fw={700} lh={1.3} data-testid="check-in-error">
            {outcome.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
