import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../shared/format.js';
import { findKbli } from '../../../shared/kbli.js';
import { useFormat } from '../../app/format.js';
import { EmptyBlock } from '../../app/ui/query-state.js';
import { BusinessFormModal } from './business-form-modal.js';
import { BusinessStatusModal } from './business-status-modal.js';
import type { Business, ParticipantDetail } from './participant-types.js';
import { BusinessStatusBadge } from './status-badges.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function BusinessCard({
  business,
  canWrite,
  onStatus,
}: {
  business: Business;
  canWrite: boolean;
  onStatus: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const kbli = business.kbli ? findKbli(business.kbli) : undefined;
  return (
    <Card withBorder padding="md" data-testid="business-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} miw={0}>
            <Text fw={600}>{business.name}</Text>
            <Text size="sm" c="dimmed">
              {business.kbli
                ? `${business.kbli} — ${kbli?.title ?? t('member.business.kbliUnknown')}`
                : t('member.business.noKbli')}
            </Text>
          </Stack>
          <Stack gap={2} align="flex-end">
            <BusinessStatusBadge status={business.status} />
            {business.statusSince ? (
              <Text size="xs" c="dimmed">
                {t('member.business.since', { date: fmt.date(business.statusSince) })}
              </Text>
            ) : null}
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label={t('member.business.revenue')}>
            {business.monthlyRevenue === null ? '—' : formatRupiah(business.monthlyRevenue)}
          </Fact>
          <Fact label={t('member.business.employees')}>
            {t('member.business.employeesCount', {
              male: fmt.number(business.employeesMale),
              female: fmt.number(business.employeesFemale),
            })}
          </Fact>
          <Fact label={t('member.business.productType')}>{business.productType ?? '—'}</Fact>
          <Fact label={t('member.business.nib')}>{business.nib ?? '—'}</Fact>
        </SimpleGrid>
        <Fact label={t('member.business.channels')}>
          {business.channels.length ? (
            <Group gap={4} mt={2}>
              {business.channels.map((c) => (
                <Badge key={c} variant="light" color="gray" tt="none">
                  {t(`participants.channels.${c as 'other'}`, { defaultValue: c })}
                </Badge>
              ))}
            </Group>
          ) : (
            '—'
          )}
        </Fact>
        {business.address ? <Fact label={t('member.business.address')}>{business.address}</Fact> : null}
        {business.preVenture ? (
          <Text size="xs" c="dimmed">
            {t('member.business.preVenture')}
          </Text>
        ) : null}
        {canWrite ? (
          <Group justify="flex-end">
            <Button size="xs" variant="light" onClick={onStatus}>
              {t('member.business.changeStatus')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

export function MemberBusinesses({ person, canWrite }: { person: ParticipantDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [statusOf, setStatusOf] = useState<Business | null>(null);
  return (
    <Stack gap="sm">
      {canWrite ? (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setAdding(true)}>
            {t('member.business.add')}
          </Button>
        </Group>
      ) : null}
      {person.businesses.length === 0 ? <EmptyBlock title={t('member.business.empty')} /> : null}
      {person.businesses.map((b) => (
        <BusinessCard key={b.id} business={b} canWrite={canWrite} onStatus={() => setStatusOf(b)} />
      ))}
      <BusinessFormModal personId={person.id} opened={adding} onClose={() => setAdding(false)} />
      <BusinessStatusModal business={statusOf} onClose={() => setStatusOf(null)} />
    </Stack>
  );
}
