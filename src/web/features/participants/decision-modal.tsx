import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionStatus } from '../../../shared/participants.js';
import { isApiError } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import type { TrackEnrollment } from './participant-types.js';
import { useDecide } from './selection-api.js';
import { EligibilityList, SelectionStatusBadge } from './status-badges.js';

export type Decision = { enrollment: TrackEnrollment; to: SelectionStatus };

/** Why an accept was refused until someone takes responsibility for going over the rules. */
type Override = 'quota' | 'eligibility' | null;

/**
 * One selection step with notes. Accepting over a full quota (409 QUOTA_FULL) or an applicant who fails a rule
 * (409 NOT_ELIGIBLE) needs a deliberate tick; the decision is then sent again with `quotaOverride`.
 */
export function DecisionModal({ decision, onClose }: { decision: Decision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const decide = useDecide();
  const [notes, setNotes] = useState('');
  const [override, setOverride] = useState<Override>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset for each decision
  useEffect(() => {
    setNotes('');
    setOverride(null);
    setConfirmed(false);
    setError(null);
  }, [decision?.enrollment.id, decision?.to]);

  if (!decision) return null;
  const { enrollment, to } = decision;

  const submit = () => {
    setError(null);
    decide.mutate(
      {
        enrollmentId: enrollment.id,
        input: { status: to, notes: notes.trim() || null, quotaOverride: override && confirmed ? true : undefined },
      },
      {
        onSuccess: () => {
          notifySaved(t, t('selection.decided', { name: enrollment.person.fullName }));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err, 409) && err.code === 'QUOTA_FULL') setOverride('quota');
          else if (isApiError(err, 409) && err.code === 'NOT_ELIGIBLE') setOverride('eligibility');
          else setError(errors.message(err));
        },
      },
    );
  };

  const needsTick = override !== null && !confirmed;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('selection.decisionTitle', {
        action: t(`selection.actions.${to as Exclude<SelectionStatus, 'applicant'>}`),
        name: enrollment.person.fullName,
      })}
    >
      <Stack>
        <Group gap="xs">
          <SelectionStatusBadge status={enrollment.status} />
          <Text size="sm">→</Text>
          <SelectionStatusBadge status={to} />
        </Group>
        <EligibilityList items={enrollment.eligibility} />
        <Textarea
          label={t('selection.notes')}
          placeholder={t('selection.notesPlaceholder')}
          autosize
          minRows={2}
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          data-autofocus
        />
        {override ? (
          <Alert color="orange" title={override === 'quota' ? t('selection.quotaFull') : t('selection.failsRules')}>
            <Checkbox
              label={override === 'quota' ? t('selection.quotaOverride') : t('selection.eligibilityOverride')}
              description={t('selection.overrideHint')}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />
          </Alert>
        ) : null}
        {error ? (
          <Text size="sm" c="red">
            {error}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={decide.isPending}
            disabled={needsTick}
            color={to === 'rejected' ? 'red' : undefined}
          >
            {t('selection.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
