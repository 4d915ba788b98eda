import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import type { CaseloadSummary, Urgency } from './mentoring-types.js';

const cells: { key: keyof CaseloadSummary; urgency?: Urgency; color?: string }[] = [
  { key: 'members' },
  { key: 'overdueFollowUps', urgency: 'overdue_follow_up', color: 'red' },
  { key: 'notContacted', urgency: 'not_contacted', color: 'orange' },
  { key: 'overdueActions', urgency: 'overdue_actions', color: 'yellow.8' },
  { key: 'openActions', urgency: 'open_actions', color: 'blue' },
];

/** The counts over the whole caseload; each count is a door to the members behind it. */
export function CaseloadSummaryStrip({
  summary,
  active,
  onPick,
}: {
  summary: CaseloadSummary;
  active: Urgency | undefined;
  onPick: (urgency: Urgency | undefined) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="xs" data-testid="caseload-summary">
      {cells.map((c) => {
        const on = c.urgency ? active === c.urgency : active === undefined;
        const n = summary[c.key];
        return (
          <UnstyledButton
            key={c.key}
            onClick={() => onPick(c.urgency === active ? undefined : c.urgency)}
            aria-pressed={on}
            data-testid={`summary-${c.key}`}
          >
            <Paper
              withBorder
              p="xs"
              h="100%"
              bg={on ? 'var(--mantine-primary-color-light)' : undefined}
              style={{ borderColor: on ? 'var(--mantine-primary-color-filled)' : undefined }}
            >
              <Text fw={700} size="xl" lh={1.1} c={n > 0 ? c.color : undefined}>
                {fmt.number(n)}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`mentoring.summary.${c.key}`)}
              </Text>
            </Paper>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
