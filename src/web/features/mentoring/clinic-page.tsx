import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionWithin } from '../../../shared/access.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { useOperatorChoices } from '../programs/use-operator-choices.js';
import { useClinicCenters, useClinicSlots } from './clinic-api.js';
import { ClinicCreateModal } from './clinic-create-modal.js';
import { ClinicDayList, ClinicWeekGrid } from './clinic-schedule.js';
import { ClinicSlotModal } from './clinic-slot-modal.js';
import { addDays, todayWib, weekDays, weekStart } from './dates.js';
import type { ClinicSlot } from './mentoring-types.js';

export type ClinicSearch = { operatorId?: string; centerId?: string; week?: string };

/**
 * The business clinic of a center, one week at a time: staff create slots, book them for members, confirm and mark
 * them done. A week grid on the desk, a day list on the phone.
 */
export function ClinicPage({ search, onSearch }: { search: ClinicSearch; onSearch: (next: ClinicSearch) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const isMobile = useIsMobile();
  const allowed = session.can('mentoring.read');
  const operators = useOperatorChoices('mentoring.read');
  const operatorId = search.operatorId ?? operators.choices[0]?.value ?? null;
  const centers = useClinicCenters(allowed ? operatorId : null);
  const today = todayWib();
  const monday = weekStart(search.week ?? today);
  const days = weekDays(monday);
  // The person's own kecamatan center first: that is where they hold the clinic.
  const prefixes = session.grants.map((g) => g.regionPrefix);
  const centerList = centers.data?.items ?? [];
  const ownCenter = centerList.find((c) => prefixes.some((p) => p !== null && regionWithin(c.districtCode, p)));
  const centerId = search.centerId ?? ownCenter?.id ?? centerList[0]?.id ?? null;
  const slots = useClinicSlots({ centerId: allowed ? centerId : null, from: monday, to: days[6] });
  const [open, setOpen] = useState<ClinicSlot | null>(null);
  const [creating, setCreating] = useState(false);
  if (!allowed) return <NoAccess />;

  const canManage = session.can('mentoring.manage');
  const centerOptions = centerList.map((c) => ({ value: c.id, label: c.name }));
  // The modal follows the list after a change (a booking, a confirmation).
  const current = open ? (slots.data?.items.find((s) => s.id === open.id) ?? open) : null;
  const setWeek = (day: string) =>
    onSearch({ ...search, week: weekStart(day) === weekStart(today) ? undefined : weekStart(day) });

  return (
    <>
      <PageHeader
        title={t('mentoring.clinic.title')}
        description={t('mentoring.clinic.description')}
        actions={
          canManage && centerId ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="create-slots">
              {t('mentoring.clinic.createSlots')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {operators.choices.length > 1 ? (
            <Select
              label={t('nav.operators')}
              data={operators.choices}
              value={operatorId}
              onChange={(v) => onSearch({ operatorId: v ?? undefined, week: search.week })}
              allowDeselect={false}
              w={{ base: '100%', xs: 240 }}
            />
          ) : null}
          <Select
            label={t('mentoring.clinic.center')}
            placeholder={centers.isLoading ? t('common.loading') : t('mentoring.clinic.chooseCenter')}
            data={centerOptions}
            value={centerId}
            onChange={(v) => onSearch({ ...search, centerId: v ?? undefined })}
            searchable
            allowDeselect={false}
            w={{ base: '100%', xs: 280 }}
            data-testid="clinic-center"
          />
          <Group gap={6} wrap="nowrap">
            <ActionIcon
              variant="default"
              size={36}
              onClick={() => setWeek(addDays(monday, -7))}
              aria-label={t('mentoring.clinic.prevWeek')}
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
            <Text fw={600} size="sm" miw={150} ta="center" data-testid="clinic-week-label">
              {t('mentoring.clinic.week', { from: fmt.date(monday), to: fmt.date(days[6]) })}
            </Text>
            <ActionIcon
              variant="default"
              size={36}
              onClick={() => setWeek(addDays(monday, 7))}
              aria-label={t('mentoring.clinic.nextWeek')}
            >
              <IconChevronRight size={18} />
            </ActionIcon>
            {search.week ? (
              <Button variant="subtle" size="xs" onClick={() => setWeek(today)}>
                {t('mentoring.clinic.thisWeek')}
              </Button>
            ) : null}
          </Group>
        </Group>

        {centers.isLoading || slots.isLoading ? (
          <LoadingBlock />
        ) : centers.isError ? (
          <ErrorBlock error={centers.error} onRetry={() => void centers.refetch()} />
        ) : centerList.length === 0 ? (
          <EmptyBlock title={t('mentoring.clinic.noCenters')} />
        ) : slots.isError || !slots.data ? (
          <ErrorBlock error={slots.error} onRetry={() => void slots.refetch()} />
        ) : slots.data.items.length === 0 ? (
          <EmptyBlock
            title={t('mentoring.clinic.noSlots')}
            description={canManage ? t('mentoring.clinic.noSlotsHint') : undefined}
            action={
              canManage ? (
                <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                  {t('mentoring.clinic.createSlots')}
                </Button>
              ) : undefined
            }
          />
        ) : isMobile ? (
          <ClinicDayList slots={slots.data.items} days={days} today={today} onOpen={setOpen} />
        ) : (
          <ClinicWeekGrid slots={slots.data.items} days={days} today={today} onOpen={setOpen} />
        )}
      </Stack>
      <ClinicSlotModal slot={current} onClose={() => setOpen(null)} />
      {canManage ? (
        <ClinicCreateModal
          opened={creating}
          onClose={() => setCreating(false)}
          centers={centerOptions}
          centerId={centerId}
          operatorId={operatorId ?? undefined}
          date={monday}
        />
      ) : null}
    </>
  );
}
