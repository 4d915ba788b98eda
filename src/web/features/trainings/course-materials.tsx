import { Anchor, Button, FileInput, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconFile, IconLink, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { ConfirmButton } from '../../app/ui/confirm-button.js';
import { type Course, type Material, materialFileUrl, useCourseMaterials, useSaveCourse } from './trainings-api.js';

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** A file is itself; a link is its address. */
export const materialKey = (m: Material) => (m.kind === 'file' ? m.fileId : `${m.url}#${m.title}`);

/** A material as a link people can open: the file through the API, or the outside address. */
export function MaterialLink({ courseId, material }: { courseId: string; material: Material }) {
  const href = material.kind === 'file' ? materialFileUrl(courseId, material.fileId) : material.url;
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      {material.kind === 'file' ? <IconFile size={16} /> : <IconLink size={16} />}
      <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm" truncate="end">
        {material.title}
      </Anchor>
      {material.kind === 'file' ? (
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {fileSize(material.size)}
        </Text>
      ) : null}
    </Group>
  );
}

/** The materials of a course: the list, removal, and a new link or file. */
export function CourseMaterials({ course }: { course: Course }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const { upload, remove } = useCourseMaterials(course.id);
  const save = useSaveCourse(course.id);
  const [kind, setKind] = useState<'file' | 'link'>('file');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const links = course.materials
    .filter((m): m is Extract<Material, { kind: 'link' }> => m.kind === 'link')
    .map(({ title: name, url: href }) => ({ kind: 'link' as const, title: name, url: href }));

  const reset = () => {
    setTitle('');
    setUrl('');
    setFile(null);
    setError(null);
  };
  const fail = (message: string) => setError(message);
  const done = {
    onSuccess: () => {
      notifySaved(t, t('trainings.materials.added'));
      reset();
    },
    onError: (e: unknown) => fail(errors.message(e)),
  };
  const add = () => {
    const name = title.trim() || file?.name || '';
    if (kind === 'file') {
      if (!file) fail(t('trainings.materials.fileRequired'));
      else upload.mutate({ title: name, file }, done);
    } else if (!name) fail(t('trainings.materials.titleRequired'));
    else if (!/^https?:\/\/\S+$/i.test(url.trim())) fail(t('trainings.materials.urlInvalid'));
    // The links travel as one list; uploaded files stay where they are.
    else save.mutate({ materials: [...links, { kind: 'link', title: name, url: url.trim() }] }, done);
  };

  return (
    <Stack gap="sm" data-testid="course-materials">
      {course.materials.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('trainings.materials.empty')}
        </Text>
      ) : (
        course.materials.map((m, i) => (
          <Group key={materialKey(m)} justify="space-between" wrap="nowrap" gap="xs">
            <MaterialLink courseId={course.id} material={m} />
            <ConfirmButton
              size="compact-xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={12} />}
              question={t('trainings.materials.removeConfirm', { title: m.title })}
              onConfirm={() => remove.mutate(i, { onError: errors.notify })}
            >
              {t('common.remove')}
            </ConfirmButton>
          </Group>
        ))
      )}
      <SegmentedControl
        size="xs"
        value={kind}
        onChange={(v) => {
          setKind(v as 'file' | 'link');
          setError(null);
        }}
        data={[
          { value: 'file', label: t('trainings.materials.kindFile') },
          { value: 'link', label: t('trainings.materials.kindLink') },
        ]}
      />
      <TextInput
        label={t('trainings.materials.titleLabel')}
        placeholder={t('trainings.materials.titlePlaceholder')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      {kind === 'file' ? (
        <FileInput
          label={t('trainings.materials.file')}
          placeholder={t('trainings.materials.filePlaceholder')}
          description={t('trainings.materials.fileHint')}
          accept=".pdf,.jpg,.jpeg,.png,.webp"
          value={file}
          onChange={setFile}
          clearable
          leftSection={<IconFile size={16} />}
        />
      ) : (
        <TextInput
          label={t('trainings.materials.url')}
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
      )}
      {error ? (
        <Text size="sm" c="red" data-testid="material-error">
          {error}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={add}
          loading={upload.isPending || save.isPending}
        >
          {t('trainings.materials.add')}
        </Button>
      </Group>
    </Stack>
  );
}
