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
  | 'notifications';

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
    | '/notifications';
  icon: Icon;
  /** Absent: everyone signed in. */
  permission?: Permission;
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
];

/** The sections this person may open, in navbar order. */
export function navItemsFor(session: Session): NavItem[] {
  return items.filter((i) => !i.permission || session.can(i.permission));
}
