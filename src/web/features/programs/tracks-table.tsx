import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { EmptyBlock } from '../../app/ui/query-state.js';
import type { Track } from './programs-api.js';
import { TrackRules } from './track-rules.js';

/** A program's tracks (WUB, Perempuan Pengusaha…) with their rules in words and quota. */
export function TracksTable({
  tracks,
  canManage,
  onEdit,
}: {
  tracks: Track[];
  canManage: boolean;
  onEdit: (track: Track) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (tracks.length === 0) {
    return (
      <EmptyBlock title={t('programs.noTracks')} description={canManage ? t('programs.noTracksHint') : undefined} />
    );
  }
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programs.trackCode')}</Table.Th>
            <Table.Th>{t('programs.trackName')}</Table.Th>
            <Table.Th>{t('programs.eligibility')}</Table.Th>
            <Table.Th ta="right">{t('programs.quota')}</Table.Th>
            {canManage ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tracks.map((tr) => (
            <Table.Tr key={tr.id} data-testid="track-row">
              <Table.Td fw={600}>{tr.code}</Table.Td>
              <Table.Td>{tr.name}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  <TrackRules track={tr} />
                </Text>
              </Table.Td>
              <Table.Td ta="right">{tr.quota === null ? t('programs.noQuota') : fmt.number(tr.quota)}</Table.Td>
              {canManage ? (
                <Table.Td ta="right">
                  <Button size="xs" variant="light" onClick={() => onEdit(tr)}>
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
