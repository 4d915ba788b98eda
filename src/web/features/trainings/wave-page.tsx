import { Button, Stack, Tabs } from '@mantine/core';
import { IconCertificate, IconPencil, IconQrcode, IconTable, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { AnchorLink } from '../../app/ui/links.js';
import { ErrorBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { NotFoundBlock } from '../../app/ui/route-states.js';
import { useUpdateWave, useWave } from './trainings-api.js';
import { WaveAttendance } from './wave-attendance.js';
import { WaveCertificates } from './wave-certificates.js';
import { WaveCheckIn } from './wave-check-in.js';
import { WaveEditModal } from './wave-edit-modal.js';
import { WaveHeader } from './wave-header.js';
import { WaveRoster } from './wave-roster.js';

export const waveTabs = ['roster', 'attendance', 'checkin', 'certificates'] as const;
export type WaveTab = (typeof waveTabs)[number];

const tabIcons = { roster: IconUsers, attendance: IconTable, checkin: IconQrcode, certificates: IconCertificate };

/** One wave: the header, then the roster, the attendance grid, the check-in scanner and the certificates. */
export function WavePage({ id, tab = 'roster', onTab }: { id: string; tab?: WaveTab; onTab: (tab: WaveTab) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const errors = useErrorHandlers();
  const allowed = session.can('trainings.read');
  const query = useWave(id);
  const update = useUpdateWave(id);
  const [editing, setEditing] = useState(false);

  if (!allowed) return <NoAccess />;
  if (query.isLoading) return <LoadingBlock />;
  if (isApiError(query.error, 404))
    return (
      <NotFoundBlock
        title={t('trainings.notFoundTitle')}
        message={t('trainings.notFound')}
        back={<AnchorLink to="/trainings">{t('trainings.back')}</AnchorLink>}
      />
    );
  if (query.isError || !query.data) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const wave = query.data;
  const canManage = session.can('trainings.manage') && wave.status === 'scheduled';

  return (
    <Stack gap="md">
      <AnchorLink to="/trainings" size="sm">
        ← {t('trainings.back')}
      </AnchorLink>
      <WaveHeader
        wave={wave}
        actions={
          canManage ? (
            <>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPencil size={14} />}
                onClick={() => setEditing(true)}
              >
                {t('common.edit')}
              </Button>
              <ConfirmButton
                size="xs"
                variant="subtle"
                color="red"
                question={t('trainings.cancelWaveConfirm')}
                loading={update.isPending}
                onConfirm={() =>
                  update.mutate(
                    { status: 'cancelled' },
                    { onSuccess: () => notifySaved(t, t('trainings.cancelledWave')), onError: errors.notify },
                  )
                }
              >
                {t('trainings.cancelWave')}
              </ConfirmButton>
            </>
          ) : null
        }
      />
      <Tabs value={tab} onChange={(v) => onTab((v as WaveTab | null) ?? 'roster')} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {waveTabs.map((key) => {
            const Icon = tabIcons[key];
            return (
              <Tabs.Tab
                key={key}
                value={key}
                style={{ flexShrink: 0 }}
                leftSection={<Icon size={16} />}
                data-testid={`wave-tab-${key}`}
              >
                {t(`trainings.tabs.${key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="roster" pt="md">
          <WaveRoster wave={wave} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <WaveAttendance wave={wave} />
        </Tabs.Panel>
        <Tabs.Panel value="checkin" pt="md">
          <WaveCheckIn wave={wave} />
        </Tabs.Panel>
        <Tabs.Panel value="certificates" pt="md">
          <WaveCertificates wave={wave} />
        </Tabs.Panel>
      </Tabs>
      {canManage ? <WaveEditModal wave={wave} opened={editing} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}
