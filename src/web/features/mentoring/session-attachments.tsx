import { ActionIcon, Alert, Button, FileButton, Group, Image, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconCamera, IconFile, IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { useErrorHandlers } from '../../app/errors.js';
import type { Attachment } from './mentoring-types.js';

type Uploaded = { id: string; originalName: string; contentType: string; size: number };

/** The fields go before the file: the server checks the upload against them while it streams. */
async function uploadFile(operatorId: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('operatorId', operatorId);
  form.append('purpose', 'document');
  form.append('file', file);
  const saved = await api<Uploaded>('/api/files', { method: 'POST', body: form });
  return { id: saved.id, name: saved.originalName, mime: saved.contentType, size: saved.size };
}

export const fileUrl = (id: string) => `/api/files/${id}`;

export function AttachmentThumb({ file, onRemove }: { file: Attachment; onRemove?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={4} pos="relative" w={88} data-testid="attachment">
      <a href={fileUrl(file.id)} target="_blank" rel="noopener noreferrer" title={file.name}>
        {file.mime.startsWith('image/') ? (
          <Image src={fileUrl(file.id)} alt={file.name} h={64} w={78} fit="cover" radius="sm" />
        ) : (
          <Stack h={64} align="center" justify="center" gap={2}>
            <IconFile size={28} stroke={1.4} />
          </Stack>
        )}
      </a>
      <Text size="xs" truncate="end">
        {file.name}
      </Text>
      {onRemove ? (
        <ActionIcon
          size="sm"
          radius="xl"
          color="red"
          pos="absolute"
          top={-8}
          right={-8}
          onClick={onRemove}
          aria-label={t('mentoring.log.removeAttachment', { name: file.name })}
        >
          <IconX size={14} />
        </ActionIcon>
      ) : null}
    </Paper>
  );
}

/**
 * Photos and documents of a session: the camera opens straight from the phone; each file is uploaded as soon as
 * it is chosen, so a dropped connection loses at most the one in flight.
 */
export function SessionAttachments({
  operatorId,
  value,
  onChange,
}: {
  operatorId: string | null;
  value: Attachment[];
  onChange: (next: Attachment[]) => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const add = async (files: File[] | File | null) => {
    const list = files ? (Array.isArray(files) ? files : [files]) : [];
    if (!operatorId || list.length === 0) return;
    setError(null);
    setBusy((n) => n + list.length);
    let next = value;
    for (const file of list) {
      try {
        next = [...next, await uploadFile(operatorId, file)];
        onChange(next);
      } catch (err) {
        setError(`${file.name}: ${errors.message(err)}`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('mentoring.log.attachments')}
      </Text>
      <Group gap="xs">
        <FileButton onChange={(f) => void add(f)} accept="image/*" capture="environment">
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconCamera size={18} />} disabled={!operatorId}>
              {t('mentoring.log.takePhoto')}
            </Button>
          )}
        </FileButton>
        <FileButton onChange={(f) => void add(f)} accept="image/jpeg,image/png,image/webp,application/pdf" multiple>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconPaperclip size={18} />} disabled={!operatorId}>
              {t('mentoring.log.addFile')}
            </Button>
          )}
        </FileButton>
        {busy > 0 ? (
          <Group gap={6}>
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('mentoring.log.uploading')}
            </Text>
          </Group>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {t('mentoring.log.attachmentsHint')}
      </Text>
      {error ? (
        <Alert color="red" variant="light" p="xs">
          {error}
        </Alert>
      ) : null}
      {value.length ? (
        <Group gap="sm" mt={4}>
          {value.map((f) => (
            <AttachmentThumb key={f.id} file={f} onRemove={() => onChange(value.filter((x) => x.id !== f.id))} />
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}
