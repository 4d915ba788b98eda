import {
  type Icon,
  IconBell,
  IconBriefcase,
  IconCalendarEvent,
  IconFileImport,
  IconHistory,
  IconHome,
  IconIdBadge2,
  IconListCheck,
  IconMap2,
  IconProgress,
  IconQrcode,
  IconSchool,
  IconTargetArrow,
  IconUserHeart,
  IconUsers,
} from '@tabler/icons-react';
import type { Permission } from '../../shared/access.js';
import type { Session } from './session.js';

export type NavKey =
  | 'home'
  | 'participants'
  | 'selection'
  | 'trainings'
  | 'mentoring'
  | 'clinic'
  | 'imports'
  | 'operators'
  | 'programs'
  | 'users'
  | 'regions'
  | 'audit'
  | 'jobs'
  | 'notifications'
  | 'myTrainings'
  | 'myCheckIn'
  | 'myClinic';

export type NavItem = {
  key: NavKey;
  to:
    | '/'
    | '/participants'
    | '/selection'
    | '/trainings'
    | '/mentoring'
    | '/mentoring/clinic'
    | '/imports'
    | '/operators'
    | '/programs'
    | '/users'
    | '/regions'
    | '/audit'
    | '/jobs'
    | '/notifications'
    | '/me/trainings'
    | '/me/check-in'
    | '/me/clinic';
  icon: Icon;
  /** Absent: everyone signed in. */
  permission?: Permission;
  /** A business owner's own page: shown to member accounts only, never to staff. */
  member?: true;
};

const items: NavItem[] = [
  { key: 'home', to: '/', icon: IconHome },
  { key: 'participants', to: '/participants', icon: IconIdBadge2, permission: 'participants.read' },
  { key: 'selection', to: '/selection', icon: IconListCheck, permission: 'participants.write' },
  { key: 'trainings', to: '/trainings', icon: IconSchool, permission: 'trainings.read' },
  { key: 'mentoring', to: '/mentoring', icon: IconUserHeart, permission: 'mentoring.read' },
  { key: 'clinic', to: '/mentoring/clinic', icon: IconCalendarEvent, permission: 'mentoring.read' },
  { key: 'imports', to: '/imports', icon: IconFileImport, permission: 'imports.run' },
  { key: 'operators', to: '/operators', icon: IconBriefcase, permission: 'operators.read' },
  { key: 'programs', to: '/programs', icon: IconTargetArrow, permission: 'programs.read' },
  { key: 'users', to: '/users', icon: IconUsers, permission: 'users.read' },
  { key: 'regions', to: '/regions', icon: IconMap2 },
  { key: 'audit', to: '/audit', icon: IconHistory, permission: 'audit.read' },
  { key: 'jobs', to: '/jobs', icon: IconProgress, permission: 'jobs.read' },
  { key: 'notifications', to: '/notifications', icon: IconBell, permission: 'notifications.read' },
  { key: 'myTrainings', to: '/me/trainings', icon: IconSchool, permission: 'self.profile', member: true },
  { key: 'myCheckIn', to: '/me/check-in', icon: IconQrcode, permission: 'self.profile', member: true },
  { key: 'myClinic', to: '/me/clinic', icon: IconCalendarEvent, permission: 'self.profile', member: true },
];

/** A member account (a business owner), as opposed to staff: they see their own pages, not the program's. */
export function isMemberSession(session: Session): boolean {
  return session.can('self.profile') && !session.can('participants.read');
}

/** The sections this person may open, in navbar order. */
export function navItemsFor(session: Session): NavItem[] {
  const member = isMemberSession(session);
  return items.filter((i) => (i.member ? member : !i.permission || session.can(i.permission)));
}
