import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconQrcode, IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { NoAccess } from '../../app/ui/query-state.js';
import { todayWib } from '../mentoring/dates.js';
import { type CheckInOutcome, CheckInResultPanel } from './check-in-result.js';
import { QrScanner } from './qr-scanner.js';
import { type CheckInInput, type RosterRow, useCheckIn, useRoster } from './roster-api.js';
import { codeFromScan, isRepeatScan } from './scan-codes.js';
import { SessionQrModal } from './session-qr-modal.js';
import type { WaveDetail } from './trainings-api.js';
import { MarkIcon, seated } from './wave-attendance.js';

/** Manual check-in for those without a card or a phone: find the name, tap "Hadir". */
function ManualCheckIn({
  rows,
  sessionId,
  onCheckIn,
  busy,
}: {
  rows: RosterRow[];
  sessionId: string;
  onCheckIn: (input: CheckInInput) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const found = needle ? rows.filter((r) => r.fullName.toLowerCase().includes(needle)).slice(0, 8) : [];
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="xs">
        {t('trainings.checkIn.manualTitle')}
      </Title>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('trainings.checkIn.manualPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        size="md"
        data-testid="manual-search"
      />
      <Stack gap={6} mt="sm">
        {found.map((r) => {
          const mark = r.attendance[sessionId] ?? null;
          return (
            <Group key={r.personId} justify="space-between" wrap="nowrap" data-testid="manual-row">
              <Stack gap={0} miw={0}>
                <Text fw={500} truncate>
                  {r.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.districtName ?? ''}
                </Text>
              </Stack>
              {mark ? (
                <MarkIcon mark={mark} />
              ) : (
                <Button
                  size="md"
                  loading={busy}
                  onClick={() => onCheckIn({ personId: r.personId, sessionId })}
                  data-testid="manual-present"
                >
                  {t('trainings.attendance.markPresent')}
                </Button>
              )}
            </Group>
          );
        })}
        {needle && found.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('trainings.checkIn.manualNone')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * Check-in, phone first: the camera reads member cards one after another, each answer shows big and the camera
 * keeps going; a name search for those without a card; the day's QR for members who scan it themselves.
 */
export function WaveCheckIn({ wave }: { wave: WaveDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const errors = useErrorHandlers();
  const roster = useRoster(wave.id);
  const checkIn = useCheckIn(wave.id);
  const today = todayWib();
  const todays = wave.sessions.find((s) => s.date === today);
  const [sessionId, setSessionId] = useState<string | undefined>(todays?.id);
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null);
  const [showQr, setShowQr] = useState(false);
  const lastScan = useRef<{ code: string; at: number } | null>(null);

  if (!session.can('trainings.attend')) return <NoAccess />;
  if (wave.status !== 'scheduled') return <Alert color="gray">{t('trainings.checkIn.closed')}</Alert>;

  const submit = (input: CheckInInput) =>
    checkIn.mutate(input, {
      onSuccess: (result) => setOutcome({ ok: true, result, at: Date.now() }),
      onError: (err) => setOutcome({ ok: false, message: errors.message(err), at: Date.now() }),
    });
  const onScan = (text: string) => {
    const code = codeFromScan(text);
    const now = Date.now();
    if (checkIn.isPending || isRepeatScan(lastScan.current, code, now)) return;
    lastScan.current = { code, at: now };
    submit({ memberCode: code, sessionId });
  };

  const chosen = wave.sessions.find((s) => s.id === sessionId);
  return (
    <Stack gap="md" maw={560} mx="auto">
      <Select
        label={t('trainings.checkIn.day')}
        data={wave.sessions.map((s) => ({
          value: s.id,
          label: `${t('trainings.dayShort', { n: s.dayNo })} · ${fmt.date(s.date)}${s.date === today ? ` (${t('trainings.checkIn.today')})` : ''}`,
        }))}
        value={sessionId ?? null}
        onChange={(v) => setSessionId(v ?? undefined)}
        allowDeselect={false}
        size="md"
        data-testid="check-in-day"
      />
      {!todays ? <Alert color="yellow">{t('trainings.checkIn.noSessionToday')}</Alert> : null}
      {chosen ? (
        <>
          {outcome ? <CheckInResultPanel outcome={outcome} /> : null}
          <QrScanner onCode={onScan} />
          <Button
            variant="light"
            size="md"
            leftSection={<IconQrcode size={20} />}
            onClick={() => setShowQr(true)}
            data-testid="show-session-qr"
          >
            {t('trainings.sessionQr.show')}
          </Button>
          <ManualCheckIn
            rows={seated(roster.data?.items ?? [])}
            sessionId={chosen.id}
            onCheckIn={submit}
            busy={checkIn.isPending}
          />
          <SessionQrModal wave={wave} sessionId={chosen.id} opened={showQr} onClose={() => setShowQr(false)} />
        </>
      ) : null}
    </Stack>
  );
}
