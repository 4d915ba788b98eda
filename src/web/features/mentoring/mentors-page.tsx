import { Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEdit, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useMentoringLabels } from './labels.js';
import { MentorProfileModal } from './mentor-profile-modal.js';
import { useMentorList } from './mentoring-api.js';
import type { Mentor } from './mentoring-types.js';

/** Filled share of a bar; red once full, orange close to it. */
function load(n: number, max: number | null): { value: number; color: string } {
  if (!max) return { value: n > 0 ? 100 : 0, color: 'gray' };
  const value = Math.min(100, (n / max) * 100);
  return { value, color: n >= max ? 'red' : value >= 85 ? 'orange' : 'teal' };
}

function MentorCard({ mentor, onEdit }: { mentor: Mentor; onEdit?: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useMentoringLabels();
  const caseload = load(mentor.caseload, mentor.capacity);
  const recruited = load(mentor.recruited, mentor.recruitmentTarget);
  return (
    <Card withBorder padding="md" data-testid="mentor-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Stack gap={0} miw={0}>
            <Text fw={600} truncate>
              {mentor.name}
            </Text>
            <Text size="xs" c="dimmed">
              {mentor.districtNames.length ? mentor.districtNames.join(', ') : t('mentoring.mentors.noCoverage')}
            </Text>
          </Stack>
          {mentor.active ? null : (
            <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
              {t('mentoring.mentors.inactive')}
            </Badge>
          )}
        </Group>
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Text size="xs" fw={500}>
              {t('mentoring.mentors.caseload')}
            </Text>
            <AnchorLink
              to="/mentoring"
              search={{ mentorUserId: mentor.userId }}
              size="xs"
              data-testid="mentor-caseload"
            >
              {t('mentoring.mentors.caseloadOf', { n: fmt.number(mentor.caseload), max: fmt.number(mentor.capacity) })}
            </AnchorLink>
          </Group>
          <Progress
            value={caseload.value}
            color={caseload.color}
            size="md"
            aria-label={t('mentoring.mentors.caseload')}
          />
        </Stack>
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Text size="xs" fw={500}>
              {t('mentoring.mentors.recruited')}
            </Text>
            <Text size="xs">
              {mentor.recruitmentTarget
                ? t('mentoring.mentors.recruitedOf', {
                    n: fmt.number(mentor.recruited),
                    max: fmt.number(mentor.recruitmentTarget),
                  })
                : fmt.number(mentor.recruited)}
            </Text>
          </Group>
          <Progress
            value={recruited.value}
            color={mentor.recruitmentTarget ? 'blue' : 'gray'}
            size="sm"
            aria-label={t('mentoring.mentors.recruited')}
          />
        </Stack>
        <Group gap={6}>
          {mentor.overdue > 0 ? (
            <AnchorLink
              to="/mentoring"
              search={{ mentorUserId: mentor.userId, urgency: 'overdue_follow_up' }}
              size="sm"
              c="red"
            >
              {t('mentoring.mentors.overdue', { n: fmt.number(mentor.overdue) })}
            </AnchorLink>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('mentoring.mentors.contactEvery', { n: mentor.contactEveryDays })}
          </Text>
        </Group>
        {mentor.expertise.length || mentor.sectors.length ? (
          <Group gap={4}>
            {mentor.expertise.map((e) => (
              <Badge key={e} size="sm" variant="light" tt="none">
                {labels.topic(e)}
              </Badge>
            ))}
            {mentor.sectors.map((s) => (
              <Badge key={s} size="sm" variant="light" color="grape" tt="none">
                {t(`kbli.sectors.${s as 'jasa'}`, { defaultValue: s })}
              </Badge>
            ))}
          </Group>
        ) : null}
        {onEdit ? (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEdit size={14} />}
            onClick={onEdit}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('mentoring.mentors.edit')}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The operator's mentors: how full each caseload is, recruitment against target, and overdue follow-ups. */
export function MentorsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [editing, setEditing] = useState<Mentor | null>(null);
  const allowed = session.can('mentoring.read');
  const query = useMentorList({ q: debounced || undefined }, allowed);
  if (!allowed) return <NoAccess />;
  const canManage = session.can('mentoring.manage');

  return (
    <>
      <PageHeader title={t('mentoring.mentors.title')} description={t('mentoring.mentors.description')} />
      <TextInput
        placeholder={t('mentoring.mentors.search')}
        aria-label={t('mentoring.mentors.search')}
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={360}
        mb="md"
      />
      {query.isLoading ? (
        <LoadingBlock />
      ) : query.isError || !query.data ? (
        <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyBlock title={t('mentoring.mentors.empty')} description={t('mentoring.mentors.emptyHint')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {query.data.items.map((m) => (
            <MentorCard key={m.userId} mentor={m} onEdit={canManage ? () => setEditing(m) : undefined} />
          ))}
        </SimpleGrid>
      )}
      {canManage ? <MentorProfileModal mentor={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
