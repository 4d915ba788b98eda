import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayValue } from '../../app/ui/json-block.js';
import type { AuditEntry } from './audit-api.js';

/** What an audited change did, field by field: before → after. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const fields = Object.entries(entry.changes ?? {});
  return (
    <Stack gap="xs" py="xs">
      {fields.length ? (
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="25%">{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map(([field, change]) => {
              const c = (change ?? {}) as { before?: unknown; after?: unknown };
              return (
                <Table.Tr key={field}>
                  <Table.Td ff="monospace">{field}</Table.Td>
                  <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>
                    {displayValue(c.before)}
                  </Table.Td>
                  <Table.Td c="teal.8" style={{ wordBreak: 'break-word' }}>
                    {displayValue(c.after)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {t('audit.noChanges')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {[
          entry.reason ? `${t('audit.reason')}: ${entry.reason}` : null,
          entry.ip ? `IP: ${entry.ip}` : null,
          entry.requestId ? `${t('audit.requestId')}: ${entry.requestId}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
