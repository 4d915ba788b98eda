import { Badge, type BadgeProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';
import { urgencyKinds } from '../../../shared/mentoring.js';
import type { CaseRow, Urgency } from './mentoring-types.js';

export const urgencies: readonly Urgency[] = urgencyKinds;

const colors: Record<Urgency, string> = {
  overdue_follow_up: 'red',
  not_contacted: 'orange',
  overdue_actions: 'yellow',
  open_actions: 'blue',
  ok: 'teal',
};

/** What is most pressing about a member, in words: "Tindak lanjut terlambat 5 hari", "Belum dihubungi 40 hari". */
export function urgencyText(row: CaseRow, t: TFunction): string {
  switch (row.urgency) {
    case 'overdue_follow_up':
      return t('mentoring.urgency.overdue_follow_up', { n: formatNumber(row.followUpOverdueDays ?? 0) });
    case 'not_contacted':
      return row.daysSinceContact === null
        ? t('mentoring.urgency.never_contacted')
        : t('mentoring.urgency.not_contacted', { n: formatNumber(row.daysSinceContact) });
    case 'overdue_actions':
      return t('mentoring.urgency.overdue_actions', { n: formatNumber(row.overdueActions) });
    case 'open_actions':
      return t('mentoring.urgency.open_actions', { n: formatNumber(row.openActions) });
    default:
      return t('mentoring.urgency.ok');
  }
}

export function UrgencyBadge({ row, ...props }: { row: CaseRow } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colors[row.urgency]}
      variant={row.urgency === 'ok' ? 'light' : 'filled'}
      tt="none"
      style={{ flexShrink: 0 }}
      data-testid="urgency-badge"
      data-urgency={row.urgency}
      {...props}
    >
      {urgencyText(row, t)}
    </Badge>
  );
}

/** A label for the urgency filter (no numbers: it names the group). */
export function urgencyGroupLabel(u: Urgency, t: TFunction): string {
  const key = {
    overdue_follow_up: 'overdueFollowUps',
    not_contacted: 'notContacted',
    overdue_actions: 'overdueActions',
    open_actions: 'openActions',
    ok: null,
  }[u];
  return key ? t(`mentoring.summary.${key as 'openActions'}`) : t('mentoring.urgency.ok');
}
