/**
 * Roles and permissions of Sentra, as data. The server checks them with one function
 * (`requireAccess`); the web app reads the same table to show only the screens a role can use.
 * Domain modules add their permissions here and grant them to roles in `rolePermissions`.
 */
export const roles = [
  'admin',
  'program_admin',
  'coordinator',
  'mentor',
  'trainer',
  'curator',
  'participant',
  'partner',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  // installation and tenancy
  'operators.read',
  'operators.create',
  'operators.update',
  'centers.read',
  'centers.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'jobs.read',
  'notifications.read',
  // domain modules (registration, imports, …) — their issues implement them
  'participants.read',
  'participants.write',
  'participants.reveal_nik',
  'participants.merge',
  'participants.export',
  'programs.read',
  'programs.manage',
  'imports.run',
  'trainings.read',
  'trainings.manage',
  // enroll members in waves (single or bulk from the participant list)
  'trainings.enroll',
  // check members in at a training day (scan their QR, show the session QR, manual check-in)
  'trainings.attend',
  'mentoring.read',
  'mentoring.write',
  // mentor profiles, assignments and clinic slots
  'mentoring.manage',
  // monthly reports on a member's behalf (one or many in the grid, or imported)
  'finance.report',
  // permits and their assistance workflow
  'permits.manage',
  'marketing.curate',
  // capital applications for members (prepare, submit, follow up)
  'capital.manage',
  // partner organisations and their capital products
  'partners.manage',
  // a partner's user: the applications sent to their institution
  'partner.portal',
  'dashboards.read',
  'self.profile',
] as const;
export type Permission = (typeof permissions)[number];

const fieldStaff: Permission[] = [
  'operators.read',
  'centers.read',
  'jobs.read',
  'programs.read',
  'participants.read',
  'dashboards.read',
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  program_admin: permissions.filter((p) => p !== 'operators.create' && p !== 'self.profile' && p !== 'partner.portal'),
  coordinator: [
    ...fieldStaff,
    'users.read',
    'participants.write',
    'participants.reveal_nik',
    'participants.export',
    'trainings.read',
    'trainings.enroll',
    'trainings.attend',
    'mentoring.read',
    'mentoring.manage',
    'imports.run',
    'finance.report',
    'permits.manage',
    'capital.manage',
  ],
  mentor: [
    ...fieldStaff,
    'participants.write',
    'mentoring.read',
    'mentoring.write',
    'finance.report',
    'permits.manage',
    'capital.manage',
    'trainings.read',
    'trainings.enroll',
  ],
  trainer: [...fieldStaff, 'trainings.read', 'trainings.manage', 'trainings.enroll', 'trainings.attend'],
  curator: ['operators.read', 'centers.read', 'jobs.read', 'participants.read', 'marketing.curate'],
  participant: ['self.profile'],
  partner: ['partner.portal'],
};

/** Roles whose holder works inside one operator; only `admin` spans the installation. */
export const operatorRoles = roles.filter((r) => r !== 'admin');

/** Roles a program admin may hand out; `admin` is given only by an admin. */
export const delegableRoles: readonly Role[] = operatorRoles;

export function roleHas(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** True when `code` lies inside `prefix` (a region code at any level); a null prefix is the whole area. */
export function regionWithin(code: string, prefix: string | null): boolean {
  return prefix === null || code === prefix || code.startsWith(`${prefix}.`);
}
