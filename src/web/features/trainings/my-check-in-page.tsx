import { Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandlers } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { type CheckInOutcome, CheckInResultPanel } from './check-in-result.js';
import { useMyCheckIn } from './me-api.js';
import { QrScanner } from './qr-scanner.js';
import { codeFromScan, isRepeatScan } from './scan-codes.js';

/**
 * A member checks in by scanning the day's QR shown by the trainer: with the camera here, or with any camera app,
 * which opens this page with `?code=` and checks in at once.
 */
export function MyCheckInPage({ code, onCodeUsed }: { code?: string; onCodeUsed: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const errors = useErrorHandlers();
  const checkIn = useMyCheckIn();
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null);
  const [scanning, setScanning] = useState(!code);
  const posted = useRef<string | null>(null);
  const lastScan = useRef<{ code: string; at: number } | null>(null);

  const submit = (value: string) => {
    setScanning(false);
    checkIn.mutate(value, {
      onSuccess: (result) => setOutcome({ ok: true, result, at: Date.now() }),
      onError: (err) => setOutcome({ ok: false, message: errors.message(err), at: Date.now() }),
    });
  };

  // The link's code is posted once; the address loses it so that a reload does not post again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: post once per code
  useEffect(() => {
    if (!code || posted.current === code || !session.can('self.profile')) return;
    posted.current = code;
    submit(code);
    onCodeUsed();
  }, [code]);

  if (!session.can('self.profile')) return <NoAccess />;
  const onScan = (text: string) => {
    const value = codeFromScan(text);
    const now = Date.now();
    if (checkIn.isPending || isRepeatScan(lastScan.current, value, now)) return;
    lastScan.current = { code: value, at: now };
    submit(value);
  };

  return (
    <Stack gap="md" maw={480} mx="auto">
      <PageHeader title={t('trainings.me.checkInTitle')} description={t('trainings.me.checkInHint')} />
      {checkIn.isPending ? <LoadingBlock /> : null}
      {outcome && !checkIn.isPending ? <CheckInResultPanel outcome={outcome} /> : null}
      {scanning ? (
        <QrScanner onCode={onScan} />
      ) : (
        <Button size="lg" variant="light" onClick={() => setScanning(true)} data-testid="scan-again">
          {t('trainings.me.scanAgain')}
        </Button>
      )}
      <Text ta="center">
        <AnchorLink to="/me/trainings">{t('trainings.me.backToMine')}</AnchorLink>
      </Text>
    </Stack>
  );
}
