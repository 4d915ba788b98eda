import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBrandWhatsapp, IconMapPin, IconUserHeart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { NikReveal } from './nik-reveal.js';
import type { ParticipantDetail } from './participant-types.js';
import { BusinessStatusBadge, PersonStatusBadge } from './status-badges.js';

/** `+6281234567890` → `https://wa.me/6281234567890`; a masked number has no link. */
export function whatsappLink(phone: string | null): string | null {
  if (!phone || !/^\+62\d+$/.test(phone)) return null;
  return `https://wa.me/${phone.slice(1)}`;
}

/** Who this is, where they live, their businesses and mentor, and how to reach them. */
export function MemberHeader({ person }: { person: ParticipantDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const wa = whatsappLink(person.phone);
  const place = [
    person.villageName,
    person.districtName ? `${t('centers.districtPrefix')} ${person.districtName}` : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        {person.status === 'merged' && person.mergedInto ? (
          <Alert color="grape" title={t('member.mergedTitle')}>
            <AnchorLink to="/participants/$id" params={{ id: person.mergedInto }} size="sm">
              {t('member.openMerged')}
            </AnchorLink>
          </Alert>
        ) : null}
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} miw={0}>
            <Group gap="xs">
              <Title order={2} style={{ wordBreak: 'break-word' }}>
                {person.fullName}
              </Title>
              <PersonStatusBadge status={person.status} />
            </Group>
            <NikReveal
              personId={person.id}
              masked={person.nikMasked}
              canReveal={session.can('participants.reveal_nik')}
            />
            <Text size="sm" c="dimmed">
              {t(`participants.sexLong.${person.sex}`)} · {t('participants.ageYears', { n: person.age })} ·{' '}
              {fmt.date(person.birthDate)}
            </Text>
          </Stack>
          {wa ? (
            <Button
              component="a"
              href={wa}
              target="_blank"
              rel="noopener noreferrer"
              color="green"
              leftSection={<IconBrandWhatsapp size={18} />}
              data-testid="whatsapp"
            >
              {t('member.whatsapp')}
            </Button>
          ) : null}
        </Group>
        <Group gap="lg" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            <IconMapPin size={16} color="var(--mantine-color-dimmed)" />
            <Text size="sm">{place || '—'}</Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconUserHeart size={16} color="var(--mantine-color-dimmed)" />
            <Text size="sm">
              {t('member.mentor')}: {person.mentor?.name ?? t('member.noMentor')}
            </Text>
          </Group>
          {person.phone ? (
            <Text size="sm">
              {wa ? (
                <Anchor href={`tel:${person.phone}`} size="sm">
                  {fmt.phone(person.phone)}
                </Anchor>
              ) : (
                person.phone
              )}
            </Text>
          ) : null}
        </Group>
        {person.businesses.length ? (
          <Group gap="xs" wrap="wrap">
            {person.businesses.map((b) => (
              <Badge
                key={b.id}
                variant="default"
                tt="none"
                size="lg"
                fw={500}
                rightSection={<BusinessStatusBadge status={b.status} size="xs" />}
              >
                {b.name}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
