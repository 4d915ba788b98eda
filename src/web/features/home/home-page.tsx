import { Alert, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isMemberSession, type NavKey, navItemsFor } from '../../app/nav.js';
import { type Grant, useSession } from '../../app/session.js';
import { ButtonLink, CardLink } from '../../app/ui/links.js';
import { MemberHome } from '../members/member-home.js';
import { useOperators } from '../operators/operators-api.js';

/** "Koordinator — Kec. Sawangan, Kota Depok" */
export function grantText(g: Grant, t: TFunction): string {
  const scope =
    g.role === 'admin'
      ? t('assignments.wholeInstallation')
      : (g.regionName ?? g.regionPrefix ?? t('assignments.wholeArea'));
  return `${t(`roles.${g.role}`)} — ${scope}`;
}

function greetingKey(): 'home.morning' | 'home.afternoon' | 'home.evening' | 'home.night' {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hour12: false, timeZone: 'Asia/Jakarta' }).format(new Date()),
  );
  if (hour < 11) return 'home.morning';
  if (hour < 15) return 'home.afternoon';
  if (hour < 19) return 'home.evening';
  return 'home.night';
}

export function HomePage() {
  const session = useSession();
  // A business owner signed in with their member account lands on their own page, not on the staff overview.
  if (isMemberSession(session)) return <MemberHome />;
  return <StaffHome />;
}

function StaffHome() {
  const { t } = useTranslation();
  const session = useSession();
  const operators = useOperators(session.isAdmin);
  const sections = navItemsFor(session).flatMap((i) =>
    i.key === 'home' ? [] : [{ ...i, key: i.key as Exclude<NavKey, 'home'> }],
  );
  const noOperators = session.isAdmin && operators.data?.total === 0;

  return (
    <Stack gap="lg">
      <div>
        <Text c="dimmed">{t(greetingKey())}</Text>
        <Title order={2}>{session.user.name}</Title>
      </div>

      {noOperators ? (
        <Alert color="teal" icon={<IconRocket size={18} />} data-testid="start-hint">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('home.startHint')}</Text>
            <ButtonLink to="/operators" search={{ create: true }} size="xs">
              {t('operators.create')}
            </ButtonLink>
          </Stack>
        </Alert>
      ) : null}

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('home.yourRoles')}
        </Title>
        {session.grants.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('home.noRoles')}
          </Text>
        ) : (
          <List spacing={4} data-testid="my-scopes">
            {session.grants.map((g) => (
              <List.Item key={`${g.role}:${g.operatorId ?? ''}:${g.regionPrefix ?? ''}`}>
                <Text span fw={500}>
                  {grantText(g, t)}
                </Text>
                {g.operatorName ? (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    · {g.operatorName}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
      </Card>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        {sections.map((s) => (
          <CardLink key={s.key} withBorder to={s.to} padding="md" data-testid={`home-card-${s.key}`}>
            <Group wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size="lg">
                <s.icon size={20} />
              </ThemeIcon>
              <div>
                <Text fw={600}>{t(`home.cards.${s.key}.title`)}</Text>
                <Text size="sm" c="dimmed">
                  {t(`home.cards.${s.key}.text`)}
                </Text>
              </div>
            </Group>
          </CardLink>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
