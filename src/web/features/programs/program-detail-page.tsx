import { Badge, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/i18n/index.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useOperator } from '../operators/operators-api.js';
import { ProgramFormModal } from './program-form-modal.js';
import { programPeriod } from './program-period.js';
import { type Program, type Track, useProgram } from './programs-api.js';
import { TargetsPanel } from './targets-panel.js';
import { TrackFormModal } from './track-form-modal.js';
import { TracksTable } from './tracks-table.js';

type TrackEdit = { track?: Track } | null;

/** The link an operator shares for self-registration (WhatsApp groups, posters with a QR code). */
function PublicLink({ operatorId, serviceArea }: { operatorId: string; serviceArea: string[] | undefined }) {
  const { t } = useTranslation();
  // The area lets the public form offer only the operator's villages (it cannot read the operator without an account).
  const area = serviceArea?.length ? `&area=${serviceArea.map((c) => c.replaceAll('.', '')).join('-')}` : '';
  const url = `${window.location.origin}/daftar?operator=${operatorId}${area}`;
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label={t('programs.publicLink')} value={url} readOnly style={{ flex: 1 }} />
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button
            variant="light"
            color={copied ? 'teal' : undefined}
            leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            onClick={copy}
          >
            {copied ? t('programs.copied') : t('programs.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

export function ProgramDetailPage({ id }: { id: string }) {
  const session = useSession();
  const query = useProgram(id);
  if (!session.can('programs.read')) return <NoAccess />;
  if (query.isLoading) return <LoadingBlock />;
  if (query.isError || !query.data) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  return <ProgramDetail program={query.data} />;
}

function ProgramDetail({ program }: { program: Program }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const operator = useOperator(program.operatorId);
  const [editing, setEditing] = useState(false);
  const [trackEdit, setTrackEdit] = useState<TrackEdit>(null);
  const canManage = session.can('programs.manage');
  const serviceArea = operator.data?.serviceArea;

  return (
    <Stack gap="lg">
      <AnchorLink to="/programs" size="sm">
        ← {t('programs.back')}
      </AnchorLink>
      <PageHeader
        title={program.name}
        description={operator.data?.name}
        actions={
          canManage ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('programs.edit')}
            </Button>
          ) : null
        }
      />
      <Card withBorder>
        <Stack gap="xs">
          <Group gap="xs">
            <Badge color={program.active ? 'teal' : 'gray'}>
              {program.active ? t('common.active') : t('common.inactive')}
            </Badge>
            <Text size="sm" data-testid="program-period">
              {t('programs.period')}: {programPeriod(program, lang)}
            </Text>
          </Group>
          {program.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {program.description}
            </Text>
          ) : null}
          {canManage ? <PublicLink operatorId={program.operatorId} serviceArea={serviceArea} /> : null}
        </Stack>
      </Card>

      <Stack gap="sm" id="tracks">
        <Group justify="space-between">
          <Title order={3}>{t('programs.tracksTitle', { n: program.tracks.length })}</Title>
          {canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setTrackEdit({})}>
              {t('programs.addTrack')}
            </Button>
          ) : null}
        </Group>
        <TracksTable tracks={program.tracks} canManage={canManage} onEdit={(track) => setTrackEdit({ track })} />
      </Stack>

      <TargetsPanel key={program.id} program={program} serviceArea={serviceArea} canManage={canManage} />

      <ProgramFormModal opened={editing} onClose={() => setEditing(false)} program={program} />
      <TrackFormModal
        opened={trackEdit !== null}
        onClose={() => setTrackEdit(null)}
        programId={program.id}
        serviceArea={serviceArea}
        track={trackEdit?.track}
      />
    </Stack>
  );
}
