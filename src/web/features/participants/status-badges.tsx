import { Badge, type BadgeProps, Group, List, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  businessStatuses,
  personStatuses,
  type SelectionStatus,
  type StageStatus,
  stages,
} from '../../../shared/participants.js';
import { useLanguage } from '../../app/i18n/index.js';
import type { Eligibility } from './participant-types.js';

export const stageColor: Record<StageStatus, string> = { not_started: 'gray', in_progress: 'blue', done: 'teal' };

const personColor: Record<(typeof personStatuses)[number], string> = {
  applicant: 'yellow',
  member: 'teal',
  inactive: 'gray',
  merged: 'grape',
};
const businessColor: Record<(typeof businessStatuses)[number], string> = {
  active: 'teal',
  moved: 'blue',
  paused: 'yellow',
  closed: 'red',
};
export const selectionColor: Record<SelectionStatus, string> = {
  applicant: 'gray',
  documents_checked: 'blue',
  interviewed: 'indigo',
  waitlisted: 'yellow',
  accepted: 'teal',
  rejected: 'red',
};

const known = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export function PersonStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const { t } = useTranslation();
  if (!known(personStatuses, status)) return <Badge color="gray">{status}</Badge>;
  return (
    <Badge variant="light" color={personColor[status]} style={{ flexShrink: 0 }} {...props}>
      {t(`participants.personStatus.${status}`)}
    </Badge>
  );
}

export function BusinessStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const { t } = useTranslation();
  if (!known(businessStatuses, status)) return <Badge color="gray">{status}</Badge>;
  return (
    <Badge variant="light" color={businessColor[status]} style={{ flexShrink: 0 }} {...props}>
      {t(`participants.businessStatus.${status}`)}
    </Badge>
  );
}

export function SelectionStatusBadge({ status, ...props }: { status: SelectionStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={selectionColor[status] ?? 'gray'} style={{ flexShrink: 0 }} {...props}>
      {t(`participants.selectionStatus.${status}`)}
    </Badge>
  );
}

/** The name of a 7 PAS stage in the language on screen. */
export function useStageName() {
  const lang = useLanguage();
  return (no: number) => {
    const s = stages.find((x) => x.no === no);
    return s ? s[lang] : String(no);
  };
}

/** The explanation of a rule in the reader's language (results stored before English existed are Indonesian). */
function useEligibilityText() {
  const lang = useLanguage();
  return (e: Eligibility) => (lang === 'en' && e.en ? e.en : e.message);
}

/** ✓/✗ per eligibility rule with the server's explanation. */
export function EligibilityList({ items }: { items: Eligibility[] }) {
  const { t } = useTranslation();
  const text = useEligibilityText();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('selection.noRules')}
      </Text>
    );
  return (
    <List spacing={2} size="sm" center>
      {items.map((e) => (
        <List.Item
          key={e.rule}
          icon={
            <ThemeIcon size={18} radius="xl" color={e.ok ? 'teal' : 'red'} aria-label={e.ok ? '✓' : '✗'}>
              {e.ok ? <IconCheck size={12} /> : <IconX size={12} />}
            </ThemeIcon>
          }
        >
          <Text size="sm" c={e.ok ? undefined : 'red.8'}>
            {text(e)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** One ✓ or ✗ for a whole eligibility check, the details in a tooltip. */
export function EligibilitySummary({ items }: { items: Eligibility[] }) {
  const { t } = useTranslation();
  const text = useEligibilityText();
  const ok = items.every((e) => e.ok);
  return (
    <Tooltip
      multiline
      w={300}
      label={items.map((e) => `${e.ok ? '✓' : '✗'} ${text(e)}`).join('\n') || t('selection.noRules')}
      style={{ whiteSpace: 'pre-line' }}
    >
      <Group gap={4} wrap="nowrap" tabIndex={0}>
        <ThemeIcon size={18} radius="xl" color={ok ? 'teal' : 'red'}>
          {ok ? <IconCheck size={12} /> : <IconX size={12} />}
        </ThemeIcon>
        <Text size="xs" c={ok ? 'teal.8' : 'red.8'}>
          {ok ? t('selection.eligible') : t('selection.notEligible', { n: items.filter((e) => !e.ok).length })}
        </Text>
      </Group>
    </Tooltip>
  );
}
