import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/access.js';

const roleColor: Record<Role, string> = {
  admin: 'red',
  program_admin: 'grape',
  coordinator: 'blue',
  mentor: 'teal',
  trainer: 'cyan',
  curator: 'orange',
  participant: 'gray',
  partner: 'yellow',
};

export function RoleBadges({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  if (!roles.length) return <>—</>;
  return (
    <Group gap={4}>
      {[...new Set(roles)].map((r) => (
        <Badge key={r} size="sm" variant="light" color={roleColor[r] ?? 'gray'} tt="none">
          {t(`roles.${r}`)}
        </Badge>
      ))}
    </Group>
  );
}
