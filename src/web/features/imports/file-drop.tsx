import { Button, FileButton, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { type ComponentProps, type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const accept = ['.xlsx', '.csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'].join(
  ',',
);

/**
 * Drop a spreadsheet here or pick one (without @mantine/dropzone): a dashed area for the desk, a big button for the
 * phone. The server checks the bytes; the browser only narrows the picker.
 */
export function FileDrop({
  onFile,
  loading,
  disabled,
  fileName,
}: {
  onFile: (file: File) => void;
  loading?: boolean;
  disabled?: boolean;
  fileName?: string | null;
}) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  // Cleared after each pick, so the same file can be picked again after a failed upload.
  const resetRef = useRef<() => void>(null);
  const dragOver = (e: DragEvent) => {
    e.preventDefault();
    if (!disabled) setOver(true);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled && !loading) onFile(file);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      onDragOver={dragOver}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="import-drop"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-teal-6)' : undefined,
        background: over ? 'var(--mantine-color-teal-0)' : undefined,
        opacity: disabled ? 0.6 : 1,
      }}
    >
      <Stack align="center" gap="xs" ta="center">
        {loading ? <Loader size="md" /> : <IconFileSpreadsheet size={40} stroke={1.4} />}
        <Text fw={500}>{loading ? t('imports.upload.uploading') : t('imports.upload.drop')}</Text>
        <Text size="sm" c="dimmed">
          {t('imports.upload.accepted')}
        </Text>
        {fileName && !loading ? (
          <Text size="sm" data-testid="import-file-name">
            {t('imports.upload.current', { name: fileName })}
          </Text>
        ) : null}
        <FileButton
          onChange={(file) => {
            resetRef.current?.();
            if (file) onFile(file);
          }}
          resetRef={resetRef}
          accept={accept}
          disabled={disabled || loading}
          inputProps={{ 'data-testid': 'import-file-input' } as ComponentProps<'input'>}
        >
          {(props) => (
            <Button {...props} size="md" variant="light" disabled={disabled || loading}>
              {t('imports.upload.pick')}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
