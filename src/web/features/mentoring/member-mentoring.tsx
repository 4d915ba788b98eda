import { Badge, Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconNotes, IconUserHeart } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ButtonLink } from '../../app/ui/links.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { AssignMentorModal } from './assign-mentor-modal.js';
import { useMentoringLabels } from './labels.js';
import { usePersonMentoring, useToggleAction } from './mentoring-api.js';
import type { Action, PersonMentoring, Session } from './mentoring-types.js';
import { AttachmentThumb } from './session-attachments.js';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

export function ActionItem({ action, canToggle }: { action: Action; canToggle: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errors = useErrorHandlers();
  const toggle = useToggleAction();
  const done = action.doneAt !== null;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="open-action">
      {canToggle ? (
        <Checkbox
          size="md"
          mt={2}
          checked={done}
          disabled={toggle.isPending}
          aria-label={`${t('mentoring.member.done')}: ${action.description}`}
          onChange={(e) =>
            toggle.mutate(
              { id: action.id, done: e.currentTarget.checked },
              {
                onSuccess: (a) =>
                  notifySaved(t, a.doneAt ? t('mentoring.member.doneSaved') : t('mentoring.member.reopened')),
                onError: errors.notify,
              },
            )
          }
        />
      ) : null}
      <Stack gap={0} miw={0}>
        <Text size="sm" td={done ? 'line-through' : undefined} style={{ wordBreak: 'break-word' }}>
          {action.description}
        </Text>
        <Group gap={6}>
          {action.dueOn ? (
            <Text size="xs" c={action.overdue ? 'red' : 'dimmed'}>
              {t('mentoring.member.due', { date: fmt.date(action.dueOn) })}
            </Text>
          ) : null}
          {action.overdue && !done ? (
            <Badge size="xs" color="red">
              {t('mentoring.member.overdue')}
            </Badge>
          ) : null}
        </Group>
      </Stack>
    </Group>
  );
}

function SessionCard({ s }: { s: Session }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useMentoringLabels();
  return (
    <Card withBorder padding="sm" data-testid="session-row">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">
            {fmt.date(s.heldOn)} · {labels.mode(s.mode)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('mentoring.member.hours', { contact: fmt.number(s.contactHours), prep: fmt.number(s.prepHours) })}
          </Text>
        </Group>
        <Group gap={4}>
          {s.topics.map((topic) => (
            <Badge key={topic} size="sm" variant="light" tt="none">
              {labels.topic(topic)}
            </Badge>
          ))}
          <Text size="xs" c="dimmed">
            {t('mentoring.member.by', { name: s.mentorName })}
          </Text>
        </Group>
        {s.notes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {s.notes}
          </Text>
        ) : null}
        {s.actions.length ? (
          <Text size="xs" c="dimmed">
            {t('mentoring.member.actionsAgreed', { list: s.actions.map((a) => a.description).join('; ') })}
          </Text>
        ) : null}
        {s.nextFollowUpOn ? (
          <Text size="xs">{t('mentoring.card.nextFollowUp', { date: fmt.date(s.nextFollowUpOn) })}</Text>
        ) : null}
        {s.attachments.length ? (
          <Group gap="sm" mt={4}>
            {s.attachments.map((a) => (
              <AttachmentThumb key={a.id} file={a} />
            ))}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

function MentorHistory({ data }: { data: PersonMentoring }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (data.history.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={4}>{t('mentoring.member.history')}</Title>
      <Timeline bulletSize={14} lineWidth={2} active={0}>
        {data.history.map((h) => (
          <Timeline.Item key={`${h.userId}-${h.since}`} title={h.name}>
            <Text size="xs" c="dimmed">
              {t('mentoring.member.period', {
                from: fmt.date(h.since),
                to: h.until ? fmt.date(h.until) : t('mentoring.member.now'),
              })}
              {h.assignedByName ? ` · ${t('mentoring.member.assignedBy', { name: h.assignedByName })}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

/** The member page's "Pendampingan" tab: who mentors them, what was logged, and what is still open. */
export function MemberMentoring({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const query = usePersonMentoring(personId);
  const [assigning, setAssigning] = useState(false);
  if (query.isLoading) return <LoadingBlock />;
  if (query.isError || !query.data) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const canLog = session.can('mentoring.write');
  const canAssign = session.can('mentoring.manage');

  return (
    <Stack gap="lg" data-testid="member-mentoring">
      {canAssign ? (
        <AssignMentorModal
          ids={[personId]}
          opened={assigning}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            void query.refetch();
          }}
        />
      ) : null}
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('mentoring.member.current')}
              </Text>
              <Text fw={600} data-testid="current-mentor">
                {data.current ? data.current.name : t('mentoring.member.none')}
              </Text>
              {data.current ? (
                <Text size="xs" c="dimmed">
                  {t('mentoring.member.since', { date: fmt.date(data.current.since) })}
                </Text>
              ) : null}
            </Stack>
            <Group gap="xs">
              {canAssign ? (
                <Button
                  variant="light"
                  leftSection={<IconUserHeart size={16} />}
                  onClick={() => setAssigning(true)}
                  data-testid="assign-one"
                >
                  {data.current ? t('mentoring.member.reassign') : t('mentoring.member.assign')}
                </Button>
              ) : null}
              {canLog ? (
                <ButtonLink
                  to="/mentoring/log"
                  search={{ personId, from: 'member' }}
                  leftSection={<IconNotes size={16} />}
                >
                  {t('mentoring.card.logSession')}
                </ButtonLink>
              ) : null}
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Stat label={t('mentoring.member.sessions')} value={fmt.number(data.totals.sessions)} />
            <Stat label={t('mentoring.member.contactHours')} value={fmt.number(data.totals.contactHours)} />
            <Stat label={t('mentoring.member.lastContact')} value={fmt.date(data.totals.lastContactOn)} />
            <Stat label={t('mentoring.member.nextFollowUp')} value={fmt.date(data.totals.nextFollowUpOn)} />
          </SimpleGrid>
        </Stack>
      </Card>

      <Stack gap="xs">
        <Title order={4}>{t('mentoring.member.openActions')}</Title>
        {data.openActions.length ? (
          <Stack gap="xs">
            {data.openActions.map((a) => (
              <ActionItem key={a.id} action={a} canToggle={canLog} />
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('mentoring.member.noActions')}
          </Text>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={4}>{t('mentoring.member.sessionLog')}</Title>
        {data.sessions.length ? (
          data.sessions.map((s) => <SessionCard key={s.id} s={s} />)
        ) : (
          <EmptyBlock title={t('mentoring.member.noSessions')} description={t('mentoring.member.noSessionsHint')} />
        )}
      </Stack>

      <MentorHistory data={data} />
    </Stack>
  );
}
