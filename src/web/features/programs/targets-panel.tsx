import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { programYears } from './program-period.js';
import { type Program, type TargetItem, usePutTargets, useTargets } from './programs-api.js';
import { TargetBars } from './target-bars.js';
import { changedEdits, type TargetEdits, type TargetRow, targetRows } from './target-rows.js';
import { TargetTable } from './target-table.js';
import { useServiceDistricts } from './use-service-districts.js';

function defaultYear(years: number[]): number {
  const now = new Date().getFullYear();
  if (years.includes(now)) return now;
  return now < years[0] ? years[0] : years[years.length - 1];
}

/** Yearly targets per track and kecamatan against accepted enrollments; all changes are saved with one button. */
export function TargetsPanel({
  program,
  serviceArea,
  canManage,
}: {
  program: Program;
  serviceArea: string[] | undefined;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const years = programYears(program);
  const [year, setYear] = useState(() => defaultYear(years));
  const [edits, setEdits] = useState<TargetEdits>({});
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const query = useTargets(program.id, year);
  const { districts, isLoading } = useServiceDistricts(serviceArea);
  const put = usePutTargets(program.id);
  const changed = changedEdits(edits);

  const change = (row: TargetRow, value: number) => {
    setEdits((prev) => ({
      ...prev,
      [row.key]: {
        trackId: row.trackId,
        year,
        districtCode: row.districtCode,
        value,
        original: prev[row.key]?.original ?? row.saved?.target ?? 0,
      },
    }));
    setCellErrors(({ [row.key]: _, ...rest }) => rest);
  };

  const save = () => {
    const keys = changed.map(([key]) => key);
    const items: TargetItem[] = changed.map(([, e]) => ({
      trackId: e.trackId,
      year: e.year,
      districtCode: e.districtCode,
      target: e.value,
    }));
    put.mutate(items, {
      onSuccess: () => {
        setEdits({});
        setCellErrors({});
        notifySaved(t, t('programs.targetsSaved'));
      },
      onError: (err) => {
        const problems = err instanceof ApiError ? err.fieldProblems : [];
        const next: Record<string, string> = {};
        for (const p of problems) {
          const m = /^(?:body\.)?items\.(\d+)/.exec(p.path);
          const key = m ? keys[Number(m[1])] : undefined;
          if (key) next[key] = p.message;
        }
        setCellErrors(next);
        if (Object.keys(next).length === 0) errors.notify(err);
      },
    });
  };

  const tracks = program.tracks;
  const targets = query.data?.items ?? [];

  return (
    <Stack gap="sm" id="targets">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>{t('programs.targets')}</Title>
        <Group gap="xs" align="flex-end">
          <Select
            label={t('programs.year')}
            w={110}
            allowDeselect={false}
            data={years.map(String)}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
          />
          {canManage && tracks.length ? (
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              disabled={changed.length === 0}
              loading={put.isPending}
              onClick={save}
            >
              {t('programs.saveTargets')}
              {changed.length ? ` (${changed.length})` : ''}
            </Button>
          ) : null}
        </Group>
      </Group>
      {tracks.length === 0 ? (
        <EmptyBlock title={t('programs.noTracks')} description={t('programs.targetsNeedTracks')} />
      ) : null}
      {query.isLoading || isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && !isLoading
        ? tracks.map((track) => {
            const rows = targetRows(track, year, districts, targets, edits);
            return (
              <Card key={track.id} withBorder padding="sm" data-testid="target-track">
                <Stack gap="sm">
                  <Text fw={600}>
                    {track.code} — {track.name}
                  </Text>
                  <TargetTable rows={rows} canManage={canManage} errors={cellErrors} onChange={change} />
                  <TargetBars rows={rows} />
                </Stack>
              </Card>
            );
          })
        : null}
      {canManage && changed.length ? (
        <Text size="sm" c="orange.8">
          {t('programs.unsavedTargets', { n: changed.length })}
        </Text>
      ) : null}
    </Stack>
  );
}
