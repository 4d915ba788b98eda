import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore, IconCalendarEvent, IconQrcode, IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CardLink } from '../../app/ui/links.js';
import { ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { StageTrackerView } from '../participants/stage-tracker.js';
import { MemberCard } from './member-card.js';
import { useMyRecord } from './members-api.js';

// The three things a member comes to do.
const shortcuts = [
  { to: '/me/trainings', icon: IconSchool, title: 'members.trainings', hint: 'members.trainingsHint' },
  { to: '/me/check-in', icon: IconQrcode, title: 'members.checkIn', hint: 'members.checkInHint' },
  { to: '/me/clinic', icon: IconCalendarEvent, title: 'members.clinic', hint: 'members.clinicHint' },
] as const;

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
        {shortcuts.map(({ to, icon: Icon, title, hint }) => (
          <CardLink key={to} to={to} withBorder padding="md" data-testid={`go-${to.slice(4)}`}>
            <Group gap="sm" wrap="nowrap">
              <Icon size={28} />
              <div>
                <Text fw={600}>{t(title)}</Text>
                <Text size="sm" c="dimmed">
                  {t(hint)}
                </Text>
              </div>
            </Group>
          </CardLink>
        ))}
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
