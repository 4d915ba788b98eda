import { Alert, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateRange } from '../../../shared/trainings.js';
import { isApiError } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { useLanguage } from '../../app/i18n/index.js';
import { ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { PublicFrame } from '../registration/public-frame.js';
import { useCertificateCheck } from './me-api.js';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{children}</Text>
    </Stack>
  );
}

function Verdict({ color, icon, title, text }: { color: string; icon: ReactNode; title: string; text: string }) {
  return (
    <Group wrap="nowrap" gap="sm" data-testid="verify-verdict" data-color={color}>
      <ThemeIcon size={48} radius="xl" color={color}>
        {icon}
      </ThemeIcon>
      <Stack gap={0}>
        <Title order={3} size="h4" c={`${color}.8`}>
          {title}
        </Title>
        <Text size="sm">{text}</Text>
      </Stack>
    </Group>
  );
}

/**
 * What the QR on a certificate opens, for anyone (an employer, a bank, a mall buyer): whether the certificate is
 * genuine and still valid, and what it says. No sign-in.
 */
export function VerifyPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const query = useCertificateCheck(token);

  let body: ReactNode;
  if (query.isLoading) body = <LoadingBlock />;
  else if (isApiError(query.error, 404))
    body = (
      <Card withBorder padding="lg">
        <Verdict
          color="red"
          icon={<IconCircleX size={30} />}
          title={t('trainings.verify.notFoundTitle')}
          text={t('trainings.verify.notFound')}
        />
      </Card>
    );
  else if (query.isError || !query.data) body = <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const c = query.data;
    const ok = c.valid && !c.revoked;
    body = (
      <Card withBorder padding="lg">
        <Stack gap="md">
          {ok ? (
            <Verdict
              color="teal"
              icon={<IconCircleCheck size={30} />}
              title={t('trainings.verify.validTitle')}
              text={t('trainings.verify.valid', { operator: c.operatorName })}
            />
          ) : (
            <Verdict
              color="orange"
              icon={<IconAlertTriangle size={30} />}
              title={t('trainings.verify.revokedTitle')}
              text={t('trainings.verify.revoked')}
            />
          )}
          <Row label={t('trainings.verify.holder')}>
            <span data-testid="verify-holder">{c.holderName}</span>
          </Row>
          <Row label={t('trainings.verify.course')}>{c.courseTitle}</Row>
          <Row label={t('trainings.verify.wave')}>{c.waveName}</Row>
          <Group grow align="flex-start">
            <Row label={t('trainings.verify.dates')}>{dateRange(c.startsOn, c.endsOn, lang)}</Row>
            <Row label={t('trainings.verify.hours')}>{t('trainings.hoursN', { n: fmt.number(c.hours) })}</Row>
          </Group>
          <Row label={t('trainings.verify.operator')}>{c.operatorName}</Row>
          <Group grow align="flex-start">
            <Row label={t('trainings.verify.serial')}>
              <Text span ff="monospace" data-testid="verify-serial">
                {c.serial}
              </Text>
            </Row>
            <Row label={t('trainings.verify.issued')}>{fmt.dateTime(c.issuedAt)}</Row>
          </Group>
        </Stack>
      </Card>
    );
  }

  return (
    <PublicFrame title={t('trainings.verify.title')}>
      {body}
      <Alert color="gray" variant="light">
        {t('trainings.verify.note')}
      </Alert>
    </PublicFrame>
  );
}
