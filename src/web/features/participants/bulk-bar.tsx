import { Affix, Button, Group, Paper, Text } from '@mantine/core';
import { IconSchool, IconUserHeart } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AssignMentorModal } from '../mentoring/assign-mentor-modal.js';
import { AddToTrainingModal } from '../trainings/add-to-training-modal.js';

/**
 * What can be done with the people ticked in the list, each action for those whose role allows it. Export is in the
 * page header: it takes the list's filters, not a selection.
 */
export function BulkBar({ ids, onClear }: { ids: string[]; onClear: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const [assigning, setAssigning] = useState(false);
  const [training, setTraining] = useState(false);
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
              {session.can('mentoring.manage') ? (
                <Button size="xs" leftSection={<IconUserHeart size={14} />} onClick={() => setAssigning(true)}>
                  {t('participants.assignMentor')}
                </Button>
              ) : null}
              {session.can('trainings.enroll') ? (
                <Button
                  size="xs"
                  leftSection={<IconSchool size={14} />}
                  onClick={() => setTraining(true)}
                  data-testid="bulk-add-to-training"
                >
                  {t('participants.addToTraining')}
                </Button>
              ) : null}
            </Group>
          </Group>
        </Paper>
      </Affix>
      <AssignMentorModal ids={ids} opened={assigning} onClose={() => setAssigning(false)} onDone={onClear} />
      <AddToTrainingModal ids={ids} opened={training} onClose={() => setTraining(false)} onDone={onClear} />
    </>
  );
}
