import { AppShell, Box, Burger, Button, Group, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../features/auth/auth-api.js';
import { LanguageSwitch } from './language-switch.js';
import { navItemsFor } from './nav.js';
import { useSession } from './session.js';
import { NavLinkLink } from './ui/links.js';
import { useIsMobile } from './ui/use-is-mobile.js';

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** Header, role-aware navbar (a burger drawer on phones) and the page. */
export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const isMobile = useIsMobile();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const signOut = useSignOut();
  const items = navItemsFor(session);
  // The deepest matching entry is the active one (`/mentoring/clinic` is not also `/mentoring`); the router marks a
  // link active for any page below it, so the others ask it for an exact match.
  const activeTo = items
    .map((i) => i.to as string)
    .filter((to) => isActive(pathname, to))
    .sort((x, y) => y.length - x.length)[0];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Title order={3} c="teal.8">
              Sentra
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {isMobile ? null : (
              <Text size="sm" fw={500} data-testid="current-user">
                {session.user.name}
              </Text>
            )}
            <LanguageSwitch />
            <Button
              size="xs"
              variant="default"
              leftSection={isMobile ? undefined : <IconLogout size={14} />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLinkLink
              key={item.key}
              to={item.to}
              label={t(`nav.${item.key}`)}
              leftSection={<item.icon size={18} stroke={1.6} />}
              active={item.to === activeTo}
              activeOptions={{ exact: item.to !== activeTo }}
              onClick={close}
              data-testid={`nav-${item.key}`}
            />
          ))}
        </AppShell.Section>
        {isMobile ? (
          <AppShell.Section pt="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Box px="sm" py={4}>
              <Text size="sm" fw={500} data-testid="current-user">
                {session.user.name}
              </Text>
            </Box>
          </AppShell.Section>
        ) : null}
      </AppShell.Navbar>

      <AppShell.Main>
        <Box maw={1200} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
