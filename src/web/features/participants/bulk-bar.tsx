import { Affix, Button, Group, Modal, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconSchool, IconUserHeart } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { useAssignMentor, useMentors } from './participants-api.js';

function AssignMentorModal({
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
  const errors = useErrorHandlers();
  const session = useSession();
  const operatorId = session.grants.find((g) => g.operatorId)?.operatorId ?? undefined;
  const mentors = useMentors(operatorId, opened && session.can('users.read'));
  const assign = useAssignMentor();
  const [mentorId, setMentorId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setMentorId(null);
    setError(null);
    onClose();
  };

  const submit = () => {
    if (!mentorId) {
      setError(t('participants.mentorRequired'));
      return;
    }
    assign.mutate(
      { ids, mentorUserId: mentorId },
      {
        onSuccess: (r) => {
          notifySaved(t, t('participants.mentorAssigned', { n: fmt.number(r.updated) }));
          close();
          onDone();
        },
        onError: (err) => {
          // Problems name positions in `ids` ("ids.3: outside the mentor's area"); show them once, with a count.
          const problems = err instanceof ApiError ? err.fieldProblems : [];
          const mentorProblem = problems.find((p) => p.path === 'mentorUserId');
          const outside = problems.filter((p) => p.path.startsWith('ids.'));
          if (mentorProblem) setError(mentorProblem.message);
          else if (outside.length)
            setError(
              t('participants.mentorOutside', { n: fmt.number(outside.length), message: outside[0]?.message ?? '' }),
            );
          else setError(errors.message(err));
        },
      },
    );
  };

  const options = (mentors.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal opened={opened} onClose={close} title={t('participants.assignMentorTitle', { n: fmt.number(ids.length) })}>
      <Stack>
        <Select
          label={t('participants.mentor')}
          placeholder={mentors.isLoading ? t('common.loading') : t('regions.choose')}
          data={options}
          value={mentorId}
          onChange={(v) => {
            setMentorId(v);
            setError(null);
          }}
          error={error}
          searchable
          nothingFoundMessage={t('participants.noMentors')}
          data-autofocus
        />
        {!mentors.isLoading && options.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('participants.noMentors')}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={assign.isPending}>
            {t('participants.assignMentor')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// Mantine's way to keep a tooltip on a disabled button: look disabled, ignore the click, stay hoverable.
const soon = {
  'data-disabled': true,
  'aria-disabled': true,
  onClick: (e: { preventDefault: () => void }) => e.preventDefault(),
} as const;

/**
 * What can be done with the people ticked in the list; modules not built yet show their place, disabled. Export is
 * in the page header: it takes the list's filters, not a selection.
 */
export function BulkBar({ ids, onClear }: { ids: string[]; onClear: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const [assigning, setAssigning] = useState(false);
  if (ids.length === 0) return null;
  return (
    <>
      <Affix position={{ bottom: 16, left: 16, right: 16 }} zIndex={150}>
        <Paper shadow="md" withBorder p="sm" maw={900} mx="auto" data-testid="bulk-bar">
          <Group justify="space-between" gap="xs">
            <Group gap="xs">
              <Text fw={600} size="sm">
                {t('participants.selected', { n: fmt.number(ids.length) })}
              </Text>
              <Button size="xs" variant="subtle" color="gray" onClick={onClear}>
                {t('participants.clearSelection')}
              </Button>
            </Group>
            <Group gap="xs">
              {session.can('users.read') ? (
                <Button size="xs" leftSection={<IconUserHeart size={14} />} onClick={() => setAssigning(true)}>
                  {t('participants.assignMentor')}
                </Button>
              ) : null}
              <Tooltip label={t('participants.comingSoon')} multiline w={220}>
                <Button size="xs" variant="default" leftSection={<IconSchool size={14} />} {...soon}>
                  {t('participants.addToTraining')}
                </Button>
              </Tooltip>
            </Group>
          </Group>
        </Paper>
      </Affix>
      <AssignMentorModal ids={ids} opened={assigning} onClose={() => setAssigning(false)} onDone={onClear} />
    </>
  );
}
