import { Anchor, Breadcrumbs, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { regionLevels } from '../../../shared/regions.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import type { RegionLevelNumber } from './region-level-select.js';
import { RegionPicker } from './region-picker.js';
import { regionSelectable, useRegion } from './regions-api.js';
import { useRegionScope } from './use-region-scope.js';

function RegionDetailCard({
  code,
  scope,
  onCode,
}: {
  code: string;
  scope: string[] | undefined;
  onCode: (code: string) => void;
}) {
  const { t } = useTranslation();
  const query = useRegion(code);
  if (query.isLoading) return <LoadingBlock />;
  if (query.isError || !query.data) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  return (
    <Card withBorder data-testid="region-detail">
      <Stack gap="xs">
        {r.ancestors.length ? (
          <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
            {r.ancestors.map((a) =>
              regionSelectable(a.code, scope) ? (
                <Anchor key={a.code} size="sm" component="button" type="button" onClick={() => onCode(a.code)}>
                  {a.name}
                </Anchor>
              ) : (
                <Text key={a.code} size="sm" c="dimmed">
                  {a.name}
                </Text>
              ),
            )}
          </Breadcrumbs>
        ) : null}
        <Title order={3}>{r.name}</Title>
        <Group gap="lg">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('regions.levelLabel')}:{' '}
            </Text>
            {t(`regions.level.${regionLevels[r.level as RegionLevelNumber]}`)}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('regions.code')}:{' '}
            </Text>
            <Text span ff="monospace" size="sm">
              {r.code}
            </Text>
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

/** Browse the Kemendagri region list; people with a limited area see only their part of it. */
export function RegionsPage({ code, onCode }: { code: string | null; onCode: (code: string | null) => void }) {
  const { t } = useTranslation();
  const scope = useRegionScope();
  // Someone working in one area starts there ("Kec. Sawangan"), not at a blank picker.
  const current = code ?? (scope?.length === 1 ? scope[0] : null);
  return (
    <>
      <PageHeader
        title={t('nav.regions')}
        description={scope ? t('regions.scopedDescription') : t('regions.description')}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <RegionPicker label={t('regions.browse')} value={current} onChange={onCode} within={scope} maxLevel={4} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {current ? (
            <RegionDetailCard code={current} scope={scope} onCode={onCode} />
          ) : (
            <Text c="dimmed" size="sm">
              {t('regions.pickHint')}
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
