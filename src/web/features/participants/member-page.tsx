import { Badge, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { NotFoundBlock } from '../../app/ui/route-states.js';
import { MemberAccountPanel } from '../members/member-account-panel.js';
import { MemberMentoring } from '../mentoring/member-mentoring.js';
import { MemberTrainings } from '../trainings/member-trainings.js';
import { useDuplicates, useParticipant } from './member-api.js';
import { MemberBusinesses } from './member-businesses.js';
import { MemberDocuments } from './member-documents.js';
import { MemberDuplicates } from './member-duplicates.js';
import { MemberEnrollments } from './member-enrollments.js';
import { MemberHeader } from './member-header.js';
import { MemberProfile } from './member-profile.js';
import { MemberTimeline } from './member-timeline.js';
import { StageModal } from './stage-modal.js';
import { StageTracker } from './stage-tracker.js';

export const memberTabs = [
  'timeline',
  'businesses',
  'trainings',
  'mentoring',
  'documents',
  'programs',
  'profile',
  'duplicates',
] as const;
export type MemberTab = (typeof memberTabs)[number];

/**
 * The member page, the most-used screen: who the person is, their 7 PAS stages, and tabs for what happened,
 * their businesses, programs, own data and possible duplicates. Modules not built yet get no tab.
 */
export function MemberPage({
  id,
  tab = 'timeline',
  onTab,
}: {
  id: string;
  tab?: MemberTab;
  onTab: (tab: MemberTab) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = session.can('participants.read');
  const query = useParticipant(id);
  const duplicates = useDuplicates(id, allowed && query.isSuccess);
  const [recording, setRecording] = useState(false);

  if (!allowed) return <NoAccess />;
  if (query.isLoading) return <LoadingBlock />;
  if (isApiError(query.error, 404))
    return (
      <NotFoundBlock
        title={t('member.notFoundTitle')}
        message={t('member.notFound')}
        back={<AnchorLink to="/participants">{t('member.back')}</AnchorLink>}
      />
    );
  if (query.isError || !query.data) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const person = query.data;
  const canWrite = session.can('participants.write') && person.status !== 'merged';
  const dupCount = duplicates.data?.items.length ?? 0;
  const tabs = memberTabs.filter(
    (key) =>
      (key !== 'mentoring' || session.can('mentoring.read')) && (key !== 'trainings' || session.can('trainings.read')),
  );

  return (
    <Stack gap="md">
      <AnchorLink to="/participants" size="sm">
        ← {t('member.back')}
      </AnchorLink>
      <MemberHeader person={person} />
      <StageTracker person={person} onRecord={canWrite ? () => setRecording(true) : undefined} />
      <Tabs value={tab} onChange={(v) => onTab((v as MemberTab | null) ?? 'timeline')} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {tabs.map((key) => (
            <Tabs.Tab
              key={key}
              value={key}
              style={{ flexShrink: 0 }}
              rightSection={
                key === 'duplicates' && dupCount > 0 ? (
                  <Badge size="xs" color="orange" circle>
                    {dupCount}
                  </Badge>
                ) : key === 'businesses' ? (
                  <Badge size="xs" color="gray" variant="light" circle>
                    {person.businesses.length}
                  </Badge>
                ) : null
              }
            >
              {t(`member.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="timeline" pt="md">
          <MemberTimeline personId={person.id} />
        </Tabs.Panel>
        <Tabs.Panel value="businesses" pt="md">
          <MemberBusinesses person={person} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="trainings" pt="md">
          <MemberTrainings personId={person.id} />
        </Tabs.Panel>
        <Tabs.Panel value="mentoring" pt="md">
          <MemberMentoring personId={person.id} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <MemberDocuments person={person} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="programs" pt="md">
          <MemberEnrollments person={person} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="profile" pt="md">
          <Stack gap="md">
            <MemberProfile person={person} canWrite={canWrite} />
            <MemberAccountPanel personId={person.id} canWrite={canWrite} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="duplicates" pt="md">
          <MemberDuplicates person={person} canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
      {canWrite ? <StageModal person={person} opened={recording} onClose={() => setRecording(false)} /> : null}
    </Stack>
  );
}
