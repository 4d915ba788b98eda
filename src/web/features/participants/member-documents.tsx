import { Alert, Anchor, Button, Card, FileInput, Group, Image, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFile, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKinds } from '../../../shared/participants.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import {
  documentFileUrl,
  type ParticipantDocument,
  useDeleteDocument,
  useDocuments,
  useUploadDocument,
} from './member-api.js';
import type { ParticipantDetail } from './participant-types.js';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp';

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function UploadForm({ person }: { person: ParticipantDetail }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const upload = useUploadDocument(person.id);
  const [kind, setKind] = useState<string | null>(null);
  const [businessId, setBusinessId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isPhoto = kind === 'business_photo';

  const submit = () => {
    if (!kind || !file) return;
    setError(null);
    upload.mutate(
      { kind, businessId: isPhoto ? businessId : null, file },
      {
        onSuccess: () => {
          notifySaved(t, t('member.documents.uploaded'));
          setFile(null);
        },
        onError: (err) => setError(errors.message(err)),
      },
    );
  };

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: isPhoto && person.businesses.length ? 3 : 2 }} spacing="sm">
          <Select
            label={t('member.documents.kind')}
            placeholder={t('member.documents.kindPlaceholder')}
            data={documentKinds.map((d) => ({ value: d, label: t(`programs.documents.${d}`) }))}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
          />
          {isPhoto && person.businesses.length ? (
            <Select
              label={t('member.documents.business')}
              placeholder={t('member.documents.noBusiness')}
              data={person.businesses.map((b) => ({ value: b.id, label: b.name }))}
              value={businessId}
              onChange={setBusinessId}
              clearable
            />
          ) : null}
          <FileInput
            label={t('member.documents.file')}
            placeholder={t('member.documents.filePlaceholder')}
            description={t('member.documents.fileHint')}
            accept={ACCEPT}
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconFile size={16} />}
          />
        </SimpleGrid>
        {error ? (
          <Alert color="red" variant="light" data-testid="document-error">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button
            leftSection={<IconUpload size={16} />}
            onClick={submit}
            disabled={!kind || !file}
            loading={upload.isPending}
          >
            {t('member.documents.upload')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function DocumentRow({
  person,
  doc,
  canWrite,
}: {
  person: ParticipantDetail;
  doc: ParticipantDocument;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errors = useErrorHandlers();
  const remove = useDeleteDocument(person.id);
  const url = documentFileUrl(person.id, doc.id);
  const business = doc.businessId ? person.businesses.find((b) => b.id === doc.businessId) : undefined;
  return (
    <Card withBorder padding="sm" data-testid="document-row">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group wrap="nowrap" gap="sm" miw={0}>
          {doc.contentType.startsWith('image/') ? (
            <Image src={url} alt={doc.originalName} w={48} h={48} fit="cover" radius="sm" />
          ) : (
            <IconFile size={32} stroke={1.5} />
          )}
          <Stack gap={0} miw={0}>
            <Text size="sm" fw={600}>
              {t(`programs.documents.${doc.kind as 'other'}`, { defaultValue: doc.kind })}
              {business ? ` · ${business.name}` : ''}
            </Text>
            <Anchor href={url} size="sm" truncate="end">
              {doc.originalName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {fileSize(doc.size)} · {fmt.dateTime(doc.createdAt)}
            </Text>
          </Stack>
        </Group>
        {canWrite ? (
          <ConfirmButton
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            question={t('member.documents.deleteConfirm', { name: doc.originalName })}
            loading={remove.isPending}
            onConfirm={() =>
              remove.mutate(doc.id, {
                onSuccess: () => notifySaved(t, t('member.documents.deleted')),
                onError: errors.notify,
              })
            }
          >
            {t('member.documents.delete')}
          </ConfirmButton>
        ) : null}
      </Group>
    </Card>
  );
}

/** Documents and photos of a person: KTP, KK, recommendation letter, business photos. */
export function MemberDocuments({ person, canWrite }: { person: ParticipantDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const query = useDocuments(person.id);
  return (
    <Stack gap="md">
      {canWrite ? <UploadForm person={person} /> : null}
      {query.isLoading ? (
        <LoadingBlock />
      ) : query.isError || !query.data ? (
        <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyBlock title={t('member.documents.empty')} />
      ) : (
        <Stack gap="xs">
          {query.data.items.map((doc) => (
            <DocumentRow key={doc.id} person={person} doc={doc} canWrite={canWrite} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
