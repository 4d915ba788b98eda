import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.js';
import { errorMessage } from '../../app/errors.js';

/** The `details[].message` of an error, each once, without the headline repeated. */
function detailMessages(err: unknown, headline: string): string[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  const out = new Set<string>();
  for (const d of err.details as unknown[]) {
    const message = typeof d === 'object' && d !== null ? (d as { message?: unknown }).message : undefined;
    if (typeof message === 'string' && message && message !== headline) out.add(message);
  }
  return [...out];
}

/** A failed step of the import: the server's own words (or the error code's meaning) and every detail it gave. */
export function ServerErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const headline = errorMessage(error, t);
  const details = detailMessages(error, headline);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.title')} data-testid="import-error">
      <Stack gap={4}>
        <Text size="sm">{headline}</Text>
        {details.length ? (
          <List size="sm" spacing={2}>
            {details.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Alert>
  );
}
