import { ActionIcon, Box, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useLanguage } from '../../app/i18n/index.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { addMonths } from './dates.js';
import { useMentorStats } from './mentoring-api.js';
import type { MentorMonth } from './mentoring-types.js';

export function monthLabel(month: string, lang: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

function MonthPicker({ month, onMonth, max }: { month: string; onMonth: (m: string) => void; max: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Group gap="xs" wrap="nowrap">
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('mentoring.stats.prevMonth')}
        onClick={() => onMonth(addMonths(month, -1))}
      >
        <IconChevronLeft size={18} />
      </ActionIcon>
      <Text fw={600} miw={130} ta="center" data-testid="stats-month">
        {monthLabel(month, lang)}
      </Text>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('mentoring.stats.nextMonth')}
        disabled={month >= max}
        onClick={() => onMonth(addMonths(month, 1))}
      >
        <IconChevronRight size={18} />
      </ActionIcon>
    </Group>
  );
}

/** Contact and prep hours per mentor as bars on one scale (no chart library: Mantine progress sections). */
function HoursBars({ items }: { items: MentorMonth[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const max = Math.max(1, ...items.map((m) => m.contactHours + m.prepHours));
  const pct = (n: number) => (n / max) * 100;
  return (
    <Stack gap={6} aria-label={t('mentoring.stats.chartTitle')}>
      <Group gap="md">
        <Text size="xs" fw={600}>
          {t('mentoring.stats.chartTitle')}
        </Text>
        <Group gap={4}>
          <Box w={10} h={10} bg="teal.6" style={{ borderRadius: 2 }} />
          <Text size="xs">{t('mentoring.stats.contactHours')}</Text>
        </Group>
        <Group gap={4}>
          <Box w={10} h={10} bg="teal.2" style={{ borderRadius: 2 }} />
          <Text size="xs">{t('mentoring.stats.prepHours')}</Text>
        </Group>
      </Group>
      {items.map((m) => (
        <Group key={m.userId} gap="xs" wrap="nowrap">
          <Text size="xs" w={110} truncate title={m.name} style={{ flexShrink: 0 }}>
            {m.name}
          </Text>
          <Tooltip
            label={`${t('mentoring.stats.contactHours')}: ${fmt.number(m.contactHours)} · ${t('mentoring.stats.prepHours')}: ${fmt.number(m.prepHours)}`}
          >
            <Progress.Root size="lg" bg="transparent" style={{ flex: 1 }}>
              <Progress.Section value={pct(m.contactHours)} color="teal.6" />
              <Progress.Section value={pct(m.prepHours)} color="teal.2" />
            </Progress.Root>
          </Tooltip>
          <Text size="xs" c="dimmed" w={56} ta="right" style={{ flexShrink: 0 }}>
            {t('mentoring.stats.hours', { n: fmt.number(m.contactHours + m.prepHours) })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** "Bulan ini": each mentor's sessions, members contacted and hours in a month, for the coordinator. */
export function MentorMonthPanel({
  month,
  onMonth,
  currentMonth,
  districtCode,
}: {
  month: string;
  onMonth: (m: string) => void;
  currentMonth: string;
  districtCode?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useMentorStats({ month, districtCode });
  const items = query.data?.items ?? [];
  // The server's totals when it gives them (distinct members across mentors), else the column sums.
  const sum = (k: Exclude<keyof MentorMonth, 'userId' | 'name'>) =>
    Number(query.data?.totals?.[k] ?? items.reduce((s, m) => s + (Number(m[k]) || 0), 0));

  return (
    <Stack gap="md">
      <MonthPicker month={month} onMonth={onMonth} max={currentMonth} />
      {query.isLoading ? (
        <LoadingBlock />
      ) : query.isError ? (
        <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock title={t('mentoring.stats.empty')} description={t('mentoring.stats.emptyHint')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing={6} fz="sm" data-testid="mentor-stats">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mentoring.stats.mentor')}</Table.Th>
                  <Table.Th ta="right">{t('mentoring.stats.caseload')}</Table.Th>
                  <Table.Th ta="right">{t('mentoring.stats.sessions')}</Table.Th>
                  <Table.Th ta="right">{t('mentoring.stats.contacts')}</Table.Th>
                  <Table.Th ta="right">{t('mentoring.stats.contactHours')}</Table.Th>
                  <Table.Th ta="right">{t('mentoring.stats.prepHours')}</Table.Th>
                  <Table.Th ta="right">{t('mentoring.stats.recruited')}</Table.Th>
                  <Table.Th ta="right">{t('mentoring.stats.overdue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.userId}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td ta="right">
                      {fmt.number(m.caseload)}/{fmt.number(m.capacity)}
                    </Table.Td>
                    <Table.Td ta="right">{fmt.number(m.sessions)}</Table.Td>
                    <Table.Td ta="right">{fmt.number(m.contacts)}</Table.Td>
                    <Table.Td ta="right">{fmt.number(m.contactHours)}</Table.Td>
                    <Table.Td ta="right">{fmt.number(m.prepHours)}</Table.Td>
                    <Table.Td ta="right">
                      {fmt.number(m.recruited)}
                      {m.recruitmentTarget ? `/${fmt.number(m.recruitmentTarget)}` : ''}
                    </Table.Td>
                    <Table.Td ta="right" c={m.overdueFollowUps > 0 ? 'red' : undefined}>
                      {fmt.number(m.overdueFollowUps)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Td>{t('mentoring.stats.total')}</Table.Td>
                  <Table.Td ta="right">{fmt.number(sum('caseload'))}</Table.Td>
                  <Table.Td ta="right">{fmt.number(sum('sessions'))}</Table.Td>
                  <Table.Td ta="right">{fmt.number(sum('contacts'))}</Table.Td>
                  <Table.Td ta="right">{fmt.number(sum('contactHours'))}</Table.Td>
                  <Table.Td ta="right">{fmt.number(sum('prepHours'))}</Table.Td>
                  <Table.Td ta="right">{fmt.number(sum('recruited'))}</Table.Td>
                  <Table.Td ta="right">{fmt.number(sum('overdueFollowUps'))}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <HoursBars items={items} />
        </>
      )}
    </Stack>
  );
}
