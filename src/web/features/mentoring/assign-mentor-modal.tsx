import {
  Alert,
  Badge,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { useMentoringLabels } from './labels.js';
import { useAssign, useMentorList, useSuggestions } from './mentoring-api.js';
import type { Mentor } from './mentoring-types.js';
import { topSuggestions } from './suggestions.js';

function CapacityText({ mentor, adding }: { mentor: Mentor; adding: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const after = mentor.caseload + adding;
  const over = after > mentor.capacity;
  return (
    <Text size="sm" c={over ? 'red' : 'dimmed'} data-testid="assign-capacity">
      {t('mentoring.assign.afterAssign', { n: fmt.number(after), max: fmt.number(mentor.capacity) })}
    </Text>
  );
}

/**
 * "Tugaskan pendamping" for the people ticked in the participant list: suggestions by kecamatan, sector and room,
 * each mentor's load, and an explicit override when the chosen mentor is full.
 */
export function AssignMentorModal({
  ids,
  opened,
  onClose,
  onDone,
}: {
  ids: string[];
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useMentoringLabels();
  const errors = useErrorHandlers();
  const mentors = useMentorList({}, opened);
  // The suggestion endpoint takes up to 200 people; a sample of a larger selection still points the right way.
  const suggestions = useSuggestions(ids.slice(0, 200), opened);
  const assign = useAssign();
  const [mentorId, setMentorId] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const [atCapacity, setAtCapacity] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setMentorId(null);
    setOverride(false);
    setAtCapacity(false);
    setReason('');
    setError(null);
    onClose();
  };
  const choose = (id: string | null) => {
    setMentorId(id);
    setError(null);
    setAtCapacity(false);
    setOverride(false);
  };

  const list = (mentors.data?.items ?? []).filter((m) => m.active);
  const chosen = list.find((m) => m.userId === mentorId);
  const picks = topSuggestions(suggestions.data);
  const projectedOver = chosen ? chosen.caseload + ids.length > chosen.capacity : false;

  const submit = () => {
    if (!mentorId) {
      setError(t('mentoring.assign.required'));
      return;
    }
    assign.mutate(
      {
        personIds: ids,
        mentorUserId: mentorId,
        overrideCapacity: override || undefined,
        reason: reason.trim() || undefined,
      },
      {
        onSuccess: (r) => {
          notifySaved(
            t,
            [
              t('mentoring.assign.assigned', { n: fmt.number(r.assigned) }),
              r.unchanged ? t('mentoring.assign.unchanged', { n: fmt.number(r.unchanged) }) : '',
            ]
              .filter(Boolean)
              .join(' · '),
          );
          close();
          onDone();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'MENTOR_AT_CAPACITY') {
            setAtCapacity(true);
            setError(errors.message(err));
            return;
          }
          // Problems name positions in `personIds` ("personIds.3: outside the mentor's area"): one line, with a count.
          const problems = err instanceof ApiError ? err.fieldProblems : [];
          const mentorProblem = problems.find((p) => p.path.replace(/^body\./, '') === 'mentorUserId');
          const outside = problems.filter((p) => /personIds\.\d+/.test(p.path));
          if (mentorProblem) setError(mentorProblem.message);
          else if (outside.length)
            setError(
              t('mentoring.assign.outside', { n: fmt.number(outside.length), message: outside[0]?.message ?? '' }),
            );
          else setError(errors.message(err));
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('mentoring.assign.title', { n: fmt.number(ids.length) })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack>
          {picks.length ? (
            <Stack gap={6} data-testid="assign-suggestions">
              <Group gap={6}>
                <IconSparkles size={16} color="var(--mantine-color-teal-6)" />
                <Text size="sm" fw={600}>
                  {t('mentoring.assign.suggested')}
                </Text>
              </Group>
              {picks.map((p) => {
                const m = list.find((x) => x.userId === p.userId);
                const full = m ? m.caseload >= m.capacity : false;
                return (
                  <UnstyledButton key={p.userId} onClick={() => choose(p.userId)} aria-pressed={mentorId === p.userId}>
                    <Paper
                      withBorder
                      p="xs"
                      bg={mentorId === p.userId ? 'var(--mantine-primary-color-light)' : undefined}
                    >
                      <Group justify="space-between" gap="xs" wrap="nowrap">
                        <Text size="sm" fw={600} truncate>
                          {p.name}
                        </Text>
                        {m ? (
                          <Badge
                            size="sm"
                            color={full ? 'red' : 'gray'}
                            variant="light"
                            tt="none"
                            style={{ flexShrink: 0 }}
                          >
                            {full
                              ? t('mentoring.assign.full')
                              : t('mentoring.assign.capacity', {
                                  n: fmt.number(m.caseload),
                                  max: fmt.number(m.capacity),
                                })}
                          </Badge>
                        ) : null}
                      </Group>
                      <Group gap={4} mt={4}>
                        {p.reasons.map((r) => (
                          <Badge key={r} size="xs" variant="dot" tt="none">
                            {labels.reason(r)}
                          </Badge>
                        ))}
                      </Group>
                    </Paper>
                  </UnstyledButton>
                );
              })}
            </Stack>
          ) : null}
          <Select
            label={t('mentoring.assign.mentor')}
            placeholder={mentors.isLoading ? t('common.loading') : t('mentoring.assign.choose')}
            data={list.map((m) => ({
              value: m.userId,
              label: `${m.name} — ${t('mentoring.assign.capacity', { n: fmt.number(m.caseload), max: fmt.number(m.capacity) })}`,
            }))}
            value={mentorId}
            onChange={choose}
            error={atCapacity ? undefined : error}
            searchable
            nothingFoundMessage={t('mentoring.assign.noMentors')}
            data-autofocus
          />
          {chosen ? <CapacityText mentor={chosen} adding={ids.length} /> : null}
          {atCapacity && error ? (
            <Alert color="orange" variant="light" data-testid="assign-at-capacity">
              {error}
            </Alert>
          ) : null}
          {atCapacity || projectedOver ? (
            <Checkbox
              label={t('mentoring.assign.override')}
              checked={override}
              onChange={(e) => setOverride(e.currentTarget.checked)}
            />
          ) : null}
          <TextInput
            label={t('mentoring.assign.reason')}
            placeholder={t('mentoring.assign.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
          />
          <FormActions onCancel={close} loading={assign.isPending} submitLabel={t('mentoring.assign.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}
