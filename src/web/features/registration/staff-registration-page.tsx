import { Alert, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationInput } from '../../../shared/participants.js';
import { isApiError } from '../../app/api.js';
import { errorMessage } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { usePrograms } from '../programs/programs-api.js';
import { useOperatorChoices } from '../programs/use-operator-choices.js';
import { ParticipantButton, useOpenParticipant } from './participant-link.js';
import {
  existingIdOf,
  type RegisteredParticipant,
  type RegistrationBody,
  useRegisterParticipant,
} from './registration-api.js';
import { RegistrationForm } from './registration-form.js';
import { RegistrationResult } from './registration-result.js';
import { useWriteScope } from './use-write-scope.js';

function StaffForm({
  operatorId,
  onRegistered,
}: {
  operatorId: string;
  onRegistered: (p: RegisteredParticipant) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const scope = useWriteScope(operatorId);
  const programs = usePrograms(operatorId, session.can('programs.read'));
  const register = useRegisterParticipant();
  const [notice, setNotice] = useState<ReactNode>(null);

  const submit = async (body: unknown) => {
    setNotice(null);
    try {
      onRegistered(await register.mutateAsync(body as RegistrationBody));
    } catch (err) {
      if (isApiError(err, 409) && err.code === 'PARTICIPANT_EXISTS') {
        const existingId = existingIdOf(err.details);
        setNotice(
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} />}
            title={t('registration.nikExists')}
            data-testid="nik-exists"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {existingId ? t('registration.nikExistsHint') : t('registration.nikExistsElsewhere')}
              </Text>
              {existingId ? (
                <ParticipantButton id={existingId} size="xs" variant="light">
                  {t('registration.openExisting')}
                </ParticipantButton>
              ) : null}
            </Stack>
          </Alert>,
        );
      } else if (!(isApiError(err) && err.fieldProblems.length)) {
        setNotice(
          <Alert color="red" title={t('errors.title')}>
            {errorMessage(err, t)} {isApiError(err) && err.code === 'NETWORK' ? t('registration.keptOffline') : ''}
          </Alert>,
        );
      }
      throw err;
    }
  };

  return (
    <RegistrationForm
      operatorId={operatorId}
      draftKey={`sentra.draft.registration.staff.${session.user.id}.${operatorId}`}
      schema={registrationInput}
      villageScope={scope}
      programs={programs.data?.items}
      submitLabel={t('registration.submitStaff')}
      onSubmit={submit}
      notice={notice}
    />
  );
}

/** "Daftarkan peserta": staff register a person met at the kecamatan office or a roadshow. */
export function StaffRegistrationPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { choices, isLoading } = useOperatorChoices('participants.write');
  const [picked, setPicked] = useState<string | null>(null);
  const [result, setResult] = useState<RegisteredParticipant | null>(null);
  const [round, setRound] = useState(0);
  const openParticipant = useOpenParticipant();

  if (!session.can('participants.write')) return <NoAccess />;
  const operatorId = picked ?? (choices.length === 1 ? choices[0].value : null);

  const registered = (p: RegisteredParticipant) => {
    notifications.show({ color: 'teal', message: t('registration.registered', { name: p.fullName }) });
    if (p.possibleDuplicates.length) setResult(p);
    else openParticipant(p.id);
  };

  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t('registration.staffTitle')} description={t('registration.staffDescription')} />
      {isLoading ? <LoadingBlock /> : null}
      {!isLoading && choices.length === 0 ? <EmptyBlock title={t('registration.noOperator')} /> : null}
      {choices.length > 1 && !result ? (
        <Select
          label={t('registration.operator')}
          required
          size="md"
          data={choices}
          value={operatorId}
          onChange={setPicked}
          allowDeselect={false}
        />
      ) : null}
      {result ? (
        <RegistrationResult
          participant={result}
          onAgain={() => {
            setResult(null);
            setRound((n) => n + 1);
          }}
        />
      ) : operatorId ? (
        <StaffForm key={`${operatorId}-${round}`} operatorId={operatorId} onRegistered={registered} />
      ) : null}
    </Stack>
  );
}
