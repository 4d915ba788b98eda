import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ParticipantAnchor, ParticipantButton } from './participant-link.js';
import type { RegisteredParticipant } from './registration-api.js';

const knownReasons = ['nik_one_digit', 'nik_swap', 'same_name_birth_date', 'same_phone'] as const;

/**
 * After a registration that may have created a second record of someone: the possible duplicates with links, then
 * the choice to open the new record or register the next person.
 */
export function RegistrationResult({
  participant,
  onAgain,
}: {
  participant: RegisteredParticipant;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const reason = (r: string) => {
    const known = knownReasons.find((k) => k === r);
    return known ? t(`registration.duplicateReasons.${known}`) : r;
  };
  return (
    <Card withBorder padding="lg" data-testid="registration-result">
      <Stack gap="md">
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={28} color="var(--mantine-color-teal-7)" />
          <Title order={3}>{t('registration.registered', { name: participant.fullName })}</Title>
        </Group>
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title={t('registration.possibleDuplicates')}
          data-testid="possible-duplicates"
        >
          <Stack gap="xs">
            <Text size="sm">{t('registration.possibleDuplicatesHint')}</Text>
            <List size="sm" spacing={4}>
              {participant.possibleDuplicates.map((d) => (
                <List.Item key={d.id}>
                  <ParticipantAnchor id={d.id}>{d.fullName}</ParticipantAnchor>
                  {d.reasons.length ? (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      — {d.reasons.map(reason).join(', ')}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
        <Group gap="sm">
          <ParticipantButton id={participant.id}>{t('registration.openParticipant')}</ParticipantButton>
          <Button variant="default" onClick={onAgain}>
            {t('registration.registerAnother')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
