import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandlers } from '../../app/errors.js';
import { useRevealNik } from './member-api.js';

const revealSeconds = 30;

/** `3276xxxxxxxx0001` → `3276 xxxx xxxx 0001`, easier to read aloud. */
function groupNik(nik: string): string {
  return nik.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The masked NIK; people allowed to may show the full number for 30 seconds. Each look is recorded
 * by the server (audit `view_nik`), and the person is told so.
 */
export function NikReveal({ personId, masked, canReveal }: { personId: string; masked: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const reveal = useRevealNik(personId);
  const [nik, setNik] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  useEffect(() => {
    if (!nik) return;
    if (left <= 0) {
      setNik(null);
      return;
    }
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [nik, left]);

  // A different person on the same page component never inherits the last one's number.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the person changes
  useEffect(() => {
    setNik(null);
    setLeft(0);
  }, [personId]);

  return (
    <Group gap="xs" wrap="wrap">
      <Text ff="monospace" size="sm" data-testid="nik" aria-label={t('member.nik')}>
        {groupNik(nik ?? masked)}
      </Text>
      {canReveal ? (
        nik ? (
          <Group gap={6}>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconEyeOff size={14} />}
              onClick={() => setNik(null)}
            >
              {t('member.hide')}
            </Button>
            <Text size="xs" c="orange.8">
              {t('member.revealCountdown', { n: left })}
            </Text>
          </Group>
        ) : (
          <Tooltip label={t('member.revealNote')} multiline w={240}>
            <Button
              size="compact-xs"
              variant="light"
              color="orange"
              leftSection={<IconEye size={14} />}
              loading={reveal.isPending}
              onClick={() =>
                reveal.mutate(undefined, {
                  onSuccess: (r) => {
                    setNik(r.nik);
                    setLeft(revealSeconds);
                  },
                  onError: errors.notify,
                })
              }
            >
              {t('member.reveal')}
            </Button>
          </Tooltip>
        )
      ) : null}
    </Group>
  );
}
