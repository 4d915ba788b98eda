import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore, IconCalendarEvent, IconQrcode, IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CardLink } from '../../app/ui/links.js';
import { ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { StageTrackerView } from '../participants/stage-tracker.js';
import { MemberCard } from './member-card.js';
import { useMyRecord } from './members-api.js';

/**
 * The business owner's home: their card with the QR, the 7 stages at a glance, and the three things they come to
 * do (trainings, check in at a training day, book the business clinic). Phone first.
 */
export function MemberHome() {
  const { t } = useTranslation();
  const record = useMyRecord();
  if (record.isPending) return <LoadingBlock />;
  if (record.isError) return <ErrorBlock error={record.error} onRetry={() => void record.refetch()} />;
  const me = record.data;
  const list = me.stages.map((s) => ({ no: s.stage, status: s.status, since: s.since }));

  return (
    <Stack gap="lg">
      <div>
        <Text c="dimmed">{t('members.hello')}</Text>
        <Title order={2}>{me.fullName}</Title>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <CardLink to="/me/trainings" withBorder padding="md" data-testid="go-trainings">
          <Group gap="sm" wrap="nowrap">
            <IconSchool size={28} />
            <div>
              <Text fw={600}>{t('members.trainings')}</Text>
              <Text size="sm" c="dimmed">
                {t('members.trainingsHint')}
              </Text>
            </div>
          </Group>
        </CardLink>
        <CardLink to="/me/check-in" withBorder padding="md" data-testid="go-check-in">
          <Group gap="sm" wrap="nowrap">
            <IconQrcode size={28} />
            <div>
              <Text fw={600}>{t('members.checkIn')}</Text>
              <Text size="sm" c="dimmed">
                {t('members.checkInHint')}
              </Text>
            </div>
          </Group>
        </CardLink>
        <CardLink to="/me/clinic" withBorder padding="md" data-testid="go-clinic">
          <Group gap="sm" wrap="nowrap">
            <IconCalendarEvent size={28} />
            <div>
              <Text fw={600}>{t('members.clinic')}</Text>
              <Text size="sm" c="dimmed">
                {t('members.clinicHint')}
              </Text>
            </div>
          </Group>
        </CardLink>
      </SimpleGrid>
      <MemberCard record={me} />
      <StageTrackerView list={list} />
      <Card withBorder padding="md">
        <Title order={4} mb="xs">
          {t('members.businesses')}
        </Title>
        <Stack gap="xs">
          {me.businesses.map((b) => (
            <Group key={b.id} gap="xs">
              <IconBuildingStore size={18} />
              <Text size="sm">{b.name}</Text>
              <Badge size="sm" variant="light">
                {t(`members.businessStatus.${b.status as 'active'}`, { defaultValue: b.status })}
              </Badge>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
