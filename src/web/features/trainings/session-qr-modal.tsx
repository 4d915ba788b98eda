import { Center, Image, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { ErrorBlock } from '../../app/ui/query-state.js';
import { qrImage } from '../members/members-api.js';
import { useSessionCode } from './roster-api.js';
import type { WaveDetail } from './trainings-api.js';

/** A QR image of a text, drawn in the browser. */
export function useQrImage(text: string | undefined, width = 720): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    void qrImage(text, width).then((url) => {
      if (live) setSrc(url);
    });
    return () => {
      live = false;
    };
  }, [text, width]);
  return text ? src : null;
}

/**
 * The day's QR on the whole screen (a phone held up, or a projector): members scan it with their own phone and are
 * checked in to this day.
 */
export function SessionQrModal({
  wave,
  sessionId,
  opened,
  onClose,
}: {
  wave: WaveDetail;
  sessionId: string | undefined;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const code = useSessionCode(wave.id, sessionId, opened);
  const src = useQrImage(code.data?.url);
  return (
    <Modal opened={opened} onClose={onClose} fullScreen title={wave.name} data-testid="session-qr">
      <Stack align="center" gap="md" ta="center">
        {code.isError ? <ErrorBlock error={code.error} onRetry={() => void code.refetch()} /> : null}
        {code.data ? (
          <Title order={2}>
            {t('trainings.dayShort', { n: code.data.dayNo })} · {fmt.date(code.data.date)}
          </Title>
        ) : null}
        {src ? (
          <Image
            src={src}
            alt={t('trainings.sessionQr.alt')}
            w="min(88vw, 70vh)"
            h="auto"
            data-testid="session-qr-image"
          />
        ) : code.isError ? null : (
          <Center h={300}>
            <Loader />
          </Center>
        )}
        <Text size="lg" maw={520}>
          {t('trainings.sessionQr.instructions')}
        </Text>
      </Stack>
    </Modal>
  );
}
