import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/i18n/index.js';
import { useSession } from '../../app/session.js';
import { AnchorLink, CardLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { ProgramFormModal } from './program-form-modal.js';
import { programPeriod } from './program-period.js';
import { type Program, usePrograms } from './programs-api.js';

function TrackBadges({ program }: { program: Program }) {
  const { t } = useTranslation();
  if (program.tracks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('programs.noTracks')}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {program.tracks.map((tr) => (
        <Badge key={tr.id} variant="light" tt="none" title={tr.name}>
          {tr.code}
        </Badge>
      ))}
    </Group>
  );
}

function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}

function ProgramCards({ items }: { items: Program[] }) {
  const lang = useLanguage();
  return (
    <Stack gap="sm">
      {items.map((p) => (
        <CardLink
          key={p.id}
          withBorder
          padding="sm"
          to="/programs/$id"
          params={{ id: p.id }}
          data-testid="program-card"
        >
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>{p.name}</Text>
              <StatusBadge active={p.active} />
            </Group>
            <Text size="sm" c="dimmed">
              {programPeriod(p, lang)}
            </Text>
            <TrackBadges program={p} />
          </Stack>
        </CardLink>
      ))}
    </Stack>
  );
}

function ProgramTable({ items }: { items: Program[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programs.name')}</Table.Th>
            <Table.Th>{t('programs.period')}</Table.Th>
            <Table.Th>{t('programs.tracks')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} data-testid="program-row">
              <Table.Td>
                <AnchorLink to="/programs/$id" params={{ id: p.id }} fw={500}>
                  {p.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{programPeriod(p, lang)}</Table.Td>
              <Table.Td>
                <TrackBadges program={p} />
              </Table.Td>
              <Table.Td>
                <StatusBadge active={p.active} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The programs of the operators this person works for, with their tracks. */
export function ProgramsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  const canRead = session.can('programs.read');
  const canManage = session.can('programs.manage');
  const query = usePrograms(undefined, canRead);

  if (!canRead) return <NoAccess />;

  const createButton = canManage ? (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {t('programs.create')}
    </Button>
  ) : null;
  const items = query.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('nav.programs')} description={t('programs.description')} actions={createButton} />
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && items.length === 0 ? (
        <EmptyBlock
          title={t('programs.empty')}
          description={canManage ? t('programs.emptyHint') : t('programs.emptyNoManage')}
          action={createButton}
        />
      ) : null}
      {items.length ? isMobile ? <ProgramCards items={items} /> : <ProgramTable items={items} /> : null}
      <ProgramFormModal
        opened={creating}
        onClose={close}
        onCreated={(p) => void navigate({ to: '/programs/$id', params: { id: p.id } })}
      />
    </>
  );
}
