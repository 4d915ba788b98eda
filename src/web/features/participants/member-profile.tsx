import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import type { ParticipantDetail } from './participant-types.js';
import { ProfileEditModal } from './profile-edit-modal.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

const knownSources = ['staff', 'public', 'import'] as const;

/** "Data diri": what the KTP and the person say about themselves. */
export function MemberProfile({ person, canWrite }: { person: ParticipantDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [editing, setEditing] = useState(false);
  const source = (knownSources as readonly string[]).includes(person.source)
    ? t(`member.profile.sources.${person.source as (typeof knownSources)[number]}`)
    : person.source;
  const phone = person.phone && /^\+62\d+$/.test(person.phone) ? fmt.phone(person.phone) : person.phone;
  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        {canWrite ? (
          <Group justify="flex-end">
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('member.profile.edit')}
            </Button>
          </Group>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Field label={t('member.profile.fullName')}>{person.fullName}</Field>
          <Field label={t('member.nik')}>{person.nikMasked}</Field>
          <Field label={t('member.profile.sex')}>{t(`participants.sexLong.${person.sex}`)}</Field>
          <Field label={t('member.profile.birthDate')}>
            {fmt.date(person.birthDate)} ({t('participants.ageYears', { n: person.age })})
          </Field>
          <Field label={t('member.profile.phone')}>{phone}</Field>
          <Field label={t('member.profile.email')}>{person.email}</Field>
          <Field label={t('member.profile.ktpAddress')}>{person.ktpAddress}</Field>
          <Field label={t('member.profile.domicileAddress')}>{person.domicileAddress}</Field>
          <Field label={t('member.profile.domicile')}>
            {[person.villageName, person.districtName ? `${t('centers.districtPrefix')} ${person.districtName}` : null]
              .filter(Boolean)
              .join(', ')}
          </Field>
          <Field label={t('member.profile.source')}>{source}</Field>
          <Field label={t('member.profile.registered')}>{fmt.dateTime(person.createdAt)}</Field>
          <Field label={t('member.profile.consentAt')}>
            {person.consentAt ? fmt.dateTime(person.consentAt) : null}
          </Field>
        </SimpleGrid>
      </Stack>
      <ProfileEditModal person={person} opened={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}
