import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { AnchorLink } from '../../app/ui/links.js';
import { useOutcomeText } from './member-picker-modal.js';
import type { EnrollOutcome } from './roster-api.js';
import { useWaves } from './trainings-api.js';
import { useWaveWords } from './wave-words.js';

function useAddToTraining() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; waveId: string }) =>
      api<EnrollOutcome & { updated: number }>('/api/participants/bulk', {
        method: 'POST',
        body: { action: 'add_to_training', ...input },
      }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['participants'] }),
        qc.invalidateQueries({ queryKey: ['trainings'] }),
      ]),
  });
}

/**
 * "Tambah ke pelatihan" from the participant list: the ticked people go into an upcoming wave; those beyond its
 * capacity join the waitlist, those already in stay as they are, and the outcome says which.
 */
export function AddToTrainingModal({
  ids,
  opened,
  onClose,
  onDone,
}: {
  ids: string[];
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useWaveWords();
  const errors = useErrorHandlers();
  const outcomeText = useOutcomeText();
  const waves = useWaves({ status: 'scheduled' }, opened);
  const add = useAddToTraining();
  const [waveId, setWaveId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ waveId: string; text: string } | null>(null);

  const close = () => {
    if (done) onDone();
    setWaveId(null);
    setError(null);
    setDone(null);
    onClose();
  };
  const submit = () => {
    if (!waveId) {
      setError(t('trainings.bulk.waveRequired'));
      return;
    }
    add.mutate(
      { ids, waveId },
      {
        onSuccess: (o) => setDone({ waveId, text: outcomeText(o) }),
        onError: (err) => setError(errors.message(err)),
      },
    );
  };

  const options = (waves.data?.items ?? []).map((w) => ({
    value: w.id,
    label: `${w.name} · ${words.dates(w)} · ${words.seats(w)}`,
  }));
  return (
    <Modal opened={opened} onClose={close} title={t('trainings.bulk.title', { n: fmt.number(ids.length) })}>
      {done ? (
        <Stack data-testid="bulk-training-done">
          <Alert color="teal">{done.text}</Alert>
          <Group justify="space-between">
            <AnchorLink to="/trainings/waves/$id" params={{ id: done.waveId }} onClick={close}>
              {t('trainings.bulk.openWave')}
            </AnchorLink>
            <Button onClick={close}>{t('trainings.bulk.finish')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Select
            label={t('trainings.bulk.wave')}
            placeholder={waves.isLoading ? t('common.loading') : t('trainings.bulk.wavePlaceholder')}
            data={options}
            value={waveId}
            onChange={(v) => {
              setWaveId(v);
              setError(null);
            }}
            error={error}
            searchable
            nothingFoundMessage={t('trainings.bulk.noWaves')}
            data-autofocus
            data-testid="bulk-training-wave"
          />
          <Text size="xs" c="dimmed">
            {t('trainings.bulk.hint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={add.isPending} data-testid="bulk-training-submit">
              {t('trainings.bulk.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
