import { Text, Timeline } from '@mantine/core';
import { IconBuildingStore, IconClipboardCheck, IconHistory, IconStairsUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { useTimeline } from './member-api.js';
import type { TimelineItem } from './participant-types.js';

const kindIcon: Record<TimelineItem['kind'], typeof IconHistory> = {
  audit: IconHistory,
  stage: IconStairsUp,
  selection: IconClipboardCheck,
  business_status: IconBuildingStore,
};
const kindColor: Record<TimelineItem['kind'], string> = {
  audit: 'gray',
  stage: 'teal',
  selection: 'indigo',
  business_status: 'orange',
};

/** Everything that happened to this person, newest first, with who did it. */
export function MemberTimeline({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useTimeline(personId);

  if (query.isLoading) return <LoadingBlock />;
  if (query.isError) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items ?? [];
  if (items.length === 0) return <EmptyBlock title={t('member.timelineEmpty')} />;

  return (
    <Timeline bulletSize={26} lineWidth={2} active={items.length} color="gray" data-testid="timeline">
      {items.map((item) => {
        const Icon = kindIcon[item.kind] ?? IconHistory;
        return (
          <Timeline.Item
            // Entries have no id; time, kind and title together tell them apart.
            key={`${item.at}|${item.kind}|${item.title}|${item.detail ?? ''}`}
            bullet={<Icon size={14} />}
            color={kindColor[item.kind] ?? 'gray'}
            title={
              <Text size="sm" fw={600}>
                {item.title}
              </Text>
            }
          >
            {item.detail ? (
              <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {item.detail}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={2}>
              {fmt.dateTime(item.at)}
              {item.by ? ` · ${t('member.by', { name: item.by })}` : ''}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
