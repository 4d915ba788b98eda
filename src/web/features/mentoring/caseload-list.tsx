import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconBrandWhatsapp, IconNotes, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { AnchorLink, ButtonLink } from '../../app/ui/links.js';
import { whatsappLink } from '../participants/member-header.js';
import type { CaseRow } from './mentoring-types.js';
import { UrgencyBadge } from './urgency-badge.js';

function place(row: CaseRow): string {
  return [row.villageName, row.districtName].filter(Boolean).join(', ');
}

/** Phone: one card per member, the three things a mentor does next within a thumb's reach. */
export function CaseCards({ items, showMentor, canLog }: { items: CaseRow[]; showMentor: boolean; canLog: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="sm" data-testid="caseload-cards">
      {items.map((row) => {
        const wa = whatsappLink(row.phone);
        return (
          <Card key={row.personId} withBorder padding="sm" data-testid="case-card" data-person-id={row.personId}>
            <Stack gap={6}>
              <AnchorLink
                to="/participants/$id"
                params={{ id: row.personId }}
                fw={600}
                c="var(--mantine-color-text)"
                style={{ wordBreak: 'break-word' }}
                data-testid="case-name"
              >
                {row.fullName}
              </AnchorLink>
              {/* Its own line: "Tindak lanjut terlambat 12 hari" and a long name do not share 360 px. */}
              <UrgencyBadge row={row} size="md" maw="100%" style={{ alignSelf: 'flex-start' }} />
              <Text size="sm">
                {row.businessName ?? '—'}
                {place(row) ? (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    · {place(row)}
                  </Text>
                ) : null}
              </Text>
              <Text size="xs" c="dimmed">
                {row.lastContactOn
                  ? t('mentoring.card.lastContact', { date: fmt.date(row.lastContactOn) })
                  : t('mentoring.card.since', { date: fmt.date(row.since) })}
                {row.nextFollowUpOn
                  ? ` · ${t('mentoring.card.nextFollowUp', { date: fmt.date(row.nextFollowUpOn) })}`
                  : ''}
                {showMentor ? ` · ${t('mentoring.card.mentor', { name: row.mentorName })}` : ''}
              </Text>
              <Group gap="xs" wrap="nowrap">
                {canLog ? (
                  <ButtonLink
                    to="/mentoring/log"
                    search={{ personId: row.personId }}
                    size="sm"
                    leftSection={<IconNotes size={16} />}
                    style={{ flex: 1 }}
                  >
                    {t('mentoring.card.logSession')}
                  </ButtonLink>
                ) : null}
                {wa ? (
                  <Button
                    component="a"
                    href={wa}
                    target="_blank"
                    rel="noopener noreferrer"
                    size="sm"
                    px="xs"
                    color="green"
                    variant="light"
                    aria-label={t('mentoring.card.whatsapp')}
                    title={t('mentoring.card.whatsapp')}
                  >
                    <IconBrandWhatsapp size={20} />
                  </Button>
                ) : null}
                <ButtonLink
                  to="/participants/$id"
                  params={{ id: row.personId }}
                  search={{ tab: 'mentoring' }}
                  size="sm"
                  variant="default"
                  leftSection={<IconUser size={16} />}
                  style={canLog ? undefined : { flex: 1 }}
                >
                  {t('mentoring.card.open')}
                </ButtonLink>
              </Group>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

/** Desk: the same rows as a table, most urgent first. */
export function CaseTable({ items, showMentor, canLog }: { items: CaseRow[]; showMentor: boolean; canLog: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="caseload-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mentoring.col.member')}</Table.Th>
            <Table.Th>{t('mentoring.col.business')}</Table.Th>
            <Table.Th>{t('mentoring.col.region')}</Table.Th>
            {showMentor ? <Table.Th>{t('mentoring.col.mentor')}</Table.Th> : null}
            <Table.Th>{t('mentoring.col.lastContact')}</Table.Th>
            <Table.Th>{t('mentoring.col.nextFollowUp')}</Table.Th>
            <Table.Th>{t('mentoring.col.urgency')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((row) => {
            const wa = whatsappLink(row.phone);
            return (
              <Table.Tr key={row.personId} data-testid="case-card" data-person-id={row.personId}>
                <Table.Td>
                  <AnchorLink
                    to="/participants/$id"
                    params={{ id: row.personId }}
                    search={{ tab: 'mentoring' }}
                    fw={500}
                    size="sm"
                    data-testid="case-name"
                  >
                    {row.fullName}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{row.businessName ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" lh={1.2}>
                    {row.districtName ?? '—'}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.2}>
                    {row.villageName ?? ''}
                  </Text>
                </Table.Td>
                {showMentor ? <Table.Td>{row.mentorName}</Table.Td> : null}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(row.lastContactOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(row.nextFollowUpOn)}</Table.Td>
                <Table.Td miw={200}>
                  <UrgencyBadge row={row} size="sm" maw="none" />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {canLog ? (
                      <ButtonLink to="/mentoring/log" search={{ personId: row.personId }} size="xs" variant="light">
                        {t('mentoring.card.logSession')}
                      </ButtonLink>
                    ) : null}
                    {wa ? (
                      <Button
                        component="a"
                        href={wa}
                        target="_blank"
                        rel="noopener noreferrer"
                        size="xs"
                        color="green"
                        variant="subtle"
                        aria-label={t('mentoring.card.whatsapp')}
                      >
                        <IconBrandWhatsapp size={16} />
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
