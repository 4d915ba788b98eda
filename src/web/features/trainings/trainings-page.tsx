import { Tabs } from '@mantine/core';
import { IconBook2, IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { ButtonLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { NoAccess } from '../../app/ui/query-state.js';
import { CourseCatalog } from './course-catalog.js';
import type { WavesSearch } from './trainings-api.js';
import { WavesList } from './waves-list.js';

/** Trainings: the waves (upcoming first) and the catalog of courses they run. */
export function TrainingsPage({ search, onSearch }: { search: WavesSearch; onSearch: (next: WavesSearch) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.can('trainings.read')) return <NoAccess />;
  const canManage = session.can('trainings.manage');
  const tab = search.tab ?? 'waves';
  return (
    <>
      <PageHeader
        title={t('trainings.title')}
        description={t('trainings.description')}
        actions={
          canManage && tab === 'waves' ? (
            <ButtonLink to="/trainings/waves/new" leftSection={<IconPlus size={16} />} data-testid="wave-new">
              {t('trainings.newWave')}
            </ButtonLink>
          ) : null
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => onSearch({ tab: v === 'catalog' ? 'catalog' : undefined })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="waves" leftSection={<IconCalendarEvent size={16} />}>
            {t('trainings.tabs.waves')}
          </Tabs.Tab>
          <Tabs.Tab value="catalog" leftSection={<IconBook2 size={16} />} data-testid="tab-catalog">
            {t('trainings.tabs.catalog')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="waves">
          <WavesList search={search} onSearch={onSearch} />
        </Tabs.Panel>
        <Tabs.Panel value="catalog">
          <CourseCatalog canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
