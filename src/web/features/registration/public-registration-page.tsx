import { Alert, Button, Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconBrandWhatsapp, IconCircleCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { publicRegistrationInput } from '../../../shared/participants.js';
import { isApiError } from '../../app/api.js';
import { errorMessage } from '../../app/errors.js';
import { PublicFrame } from './public-frame.js';
import { type PublicRegistrationBody, usePublicOperator, useRegisterPublic } from './registration-api.js';
import { RegistrationForm } from './registration-form.js';

const uuid = z.uuid();

const areaCode = (digits: string) =>
  [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)].filter(Boolean).join('.');

function ThankYou({ onAgain }: { onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="public-thanks">
      <Stack gap="md" align="center" ta="center">
        <ThemeIcon size={56} radius="xl" color="teal">
          <IconCircleCheck size={34} />
        </ThemeIcon>
        <Title order={3}>{t('publicRegistration.thanksTitle')}</Title>
        <Text>{t('publicRegistration.thanks')}</Text>
        <Text size="sm" c="dimmed">
          <IconBrandWhatsapp size={16} style={{ verticalAlign: 'text-bottom' }} /> {t('publicRegistration.thanksHint')}
        </Text>
        <Button variant="default" onClick={onAgain}>
          {t('publicRegistration.again')}
        </Button>
      </Stack>
    </Card>
  );
}

/** What to say when the registration did not go through, in words for the applicant (never a record id). */
function noticeFor(err: unknown, t: TFunction): ReactNode {
  let message: string | null;
  if (isApiError(err, 409)) message = t('publicRegistration.exists');
  else if (isApiError(err, 429)) message = t('publicRegistration.tooMany');
  else if (isApiError(err, 404)) message = t('publicRegistration.closed');
  else if (isApiError(err) && err.code === 'NETWORK')
    message = `${errorMessage(err, t)} ${t('registration.keptOffline')}`;
  else if (isApiError(err) && err.fieldProblems.length) message = null;
  else message = errorMessage(err, t);
  return message ? (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="public-notice">
      {message}
    </Alert>
  ) : null;
}

/** `3276-3171` → `['32.76', '31.71']`: the link carries region codes as digits; anything else is ignored. */
function areaOf(area: string | undefined): string[] | undefined {
  const codes = (area ?? '')
    .split('-')
    .filter((d) => /^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$/.test(d))
    .map(areaCode);
  return codes.length ? codes : undefined;
}

/**
 * Self-registration without an account: /daftar?operator=<id>, the link an operator shares. The operator's name and
 * service area come from the public operator endpoint (older links may carry `&area=` digits as a fallback); the
 * server checks the domicile against the operator's real service area.
 */
export function PublicRegistrationPage({ operatorId, area }: { operatorId?: string; area?: string }) {
  const { t } = useTranslation();
  const register = useRegisterPublic();
  const publicOperator = usePublicOperator(operatorId && uuid.safeParse(operatorId).success ? operatorId : undefined);
  const [done, setDone] = useState(false);
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<ReactNode>(null);

  if (!operatorId || !uuid.safeParse(operatorId).success || publicOperator.isError) {
    return (
      <PublicFrame title={t('publicRegistration.title')}>
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('publicRegistration.noOperatorTitle')}>
          {t('publicRegistration.noOperator')}
        </Alert>
      </PublicFrame>
    );
  }

  const submit = async (body: unknown) => {
    setNotice(null);
    try {
      await register.mutateAsync(body as PublicRegistrationBody);
      setDone(true);
      window.scrollTo({ top: 0 });
    } catch (err) {
      setNotice(noticeFor(err, t));
      throw err;
    }
  };

  return (
    <PublicFrame title={t('publicRegistration.title')}>
      {done ? (
        <ThankYou
          onAgain={() => {
            setDone(false);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <>
          {publicOperator.data && (
            <Text fw={600} data-testid="public-operator-name">
              {publicOperator.data.name} · {publicOperator.data.serviceAreaNames.join(', ')}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('publicRegistration.intro')}
          </Text>
          <RegistrationForm
            key={round}
            operatorId={operatorId}
            draftKey={`sentra.draft.registration.public.${operatorId}`}
            schema={publicRegistrationInput}
            withConsent
            villageScope={publicOperator.data?.serviceArea ?? areaOf(area)}
            submitLabel={t('publicRegistration.submit')}
            onSubmit={submit}
            notice={notice}
          />
        </>
      )}
    </PublicFrame>
  );
}
