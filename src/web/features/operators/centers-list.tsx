import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconMapPin, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { AnchorLink } from '../../app/ui/links.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { type Center, useCenters, useDeleteCenter } from './operators-api.js';

/** The centers (sentra) of one operator, as cards: they read well on a phone and on a desk. */
export function CentersList({
  operatorId,
  canManage,
  onEdit,
}: {
  operatorId: string;
  canManage: boolean;
  onEdit: (center: Center) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errors = useErrorHandlers();
  const query = useCenters(operatorId);
  const remove = useDeleteCenter();

  if (query.isLoading) return <LoadingBlock />;
  if (query.isError) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items ?? [];
  if (items.length === 0) {
    return <EmptyBlock title={t('centers.empty')} description={canManage ? t('centers.emptyHint') : undefined} />;
  }

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {items.map((c) => (
        <Card key={c.id} withBorder padding="sm" data-testid="center-card">
          <Stack gap={6}>
            <Text fw={600}>{c.name}</Text>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconMapPin size={16} style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm">
                {t('centers.districtPrefix')} {c.districtName}
                {c.address ? (
                  <Text span c="dimmed" size="sm" display="block">
                    {c.address}
                  </Text>
                ) : null}
              </Text>
            </Group>
            {c.phone ? (
              <Group gap={6} wrap="nowrap">
                <IconPhone size={16} />
                <Anchor href={`tel:${c.phone}`} size="sm">
                  {fmt.phone(c.phone)}
                </Anchor>
              </Group>
            ) : null}
            {c.latitude !== null && c.longitude !== null ? (
              <Anchor
                size="sm"
                href={`https://www.openstreetmap.org/?mlat=${c.latitude}&mlon=${c.longitude}#map=17/${c.latitude}/${c.longitude}`}
                target="_blank"
                rel="noreferrer"
              >
                {t('centers.openMap')}
              </Anchor>
            ) : null}
            <Text size="sm">
              <Text span fw={500} size="sm">
                {t('centers.coordinators')}:{' '}
              </Text>
              {c.coordinators.length
                ? c.coordinators.map((co, i) => (
                    <span key={co.userId}>
                      {i > 0 ? ', ' : ''}
                      <AnchorLink to="/users/$id" params={{ id: co.userId }} size="sm">
                        {co.name}
                      </AnchorLink>
                    </span>
                  ))
                : t('centers.noCoordinators')}
            </Text>
            {canManage ? (
              <Group gap="xs" mt={4}>
                <Button size="xs" variant="light" onClick={() => onEdit(c)}>
                  {t('common.edit')}
                </Button>
                <ConfirmButton
                  size="xs"
                  variant="subtle"
                  color="red"
                  question={t('centers.deleteConfirm', { name: c.name })}
                  loading={remove.isPending && remove.variables === c.id}
                  onConfirm={() => remove.mutate(c.id, { onError: errors.notify })}
                >
                  {t('common.delete')}
                </ConfirmButton>
              </Group>
            ) : null}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
