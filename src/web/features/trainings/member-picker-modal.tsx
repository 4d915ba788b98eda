import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ListResponse } from '../../app/api.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import type { ParticipantRow } from '../participants/participant-types.js';
import { type EnrollOutcome, useEnrollPeople } from './roster-api.js';

/** "3 terdaftar, 1 masuk daftar tunggu, 2 sudah ada": what an enrollment did, in one sentence. */
export function useOutcomeText() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (o: EnrollOutcome) =>
    [
      t('trainings.outcome.enrolled', { n: fmt.number(o.enrolled) }),
      o.waitlisted ? t('trainings.outcome.waitlisted', { n: fmt.number(o.waitlisted) }) : null,
      o.already ? t('trainings.outcome.already', { n: fmt.number(o.already) }) : null,
    ]
      .filter(Boolean)
      .join(', ');
}

/** Search people by name or NIK and tick those to enroll; the ticks survive a new search. */
export function MemberPickerModal({
  waveId,
  takenIds,
  opened,
  onClose,
}: {
  waveId: string;
  takenIds: Set<string>;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const outcomeText = useOutcomeText();
  const enroll = useEnrollPeople(waveId);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const results = useQuery({
    queryKey: ['participants', 'picker', debounced],
    queryFn: ({ signal }) =>
      api<ListResponse<ParticipantRow>>('/api/participants', {
        query: { q: debounced, pageSize: 15 },
        signal,
      }),
    enabled: opened && debounced.length >= 2,
  });
  const close = () => {
    setQ('');
    setPicked(new Map());
    onClose();
  };
  const toggle = (row: ParticipantRow) =>
    setPicked((prev) => {
      const next = new Map(prev);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row.fullName);
      return next;
    });
  const submit = () =>
    enroll.mutate([...picked.keys()], {
      onSuccess: (o) => {
        notifySaved(t, outcomeText(o));
        close();
      },
      onError: errors.notify,
    });

  return (
    <Modal opened={opened} onClose={close} title={t('trainings.picker.title')} size="lg">
      <Stack gap="sm">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('trainings.picker.placeholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-autofocus
          data-testid="picker-search"
        />
        <Text size="xs" c="dimmed">
          {t('trainings.picker.hint')}
        </Text>
        <ScrollArea.Autosize mah={320}>
          <Stack gap={4}>
            {(results.data?.items ?? []).map((r) => {
              const taken = takenIds.has(r.id);
              return (
                <Checkbox
                  key={r.id}
                  checked={taken || picked.has(r.id)}
                  disabled={taken}
                  onChange={() => toggle(r)}
                  label={
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {r.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.nikMasked} · {r.districtName}
                        {taken ? ` · ${t('trainings.picker.taken')}` : ''}
                      </Text>
                    </Group>
                  }
                  data-testid="picker-row"
                />
              );
            })}
            {results.data && results.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('trainings.picker.none')}
              </Text>
            ) : null}
          </Stack>
        </ScrollArea.Autosize>
        {picked.size ? (
          <Text size="sm">{t('trainings.picker.picked', { names: [...picked.values()].join(', ') })}</Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} disabled={picked.size === 0} loading={enroll.isPending} data-testid="picker-submit">
            {t('trainings.picker.submit', { n: picked.size })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
