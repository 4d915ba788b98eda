import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { importFieldHeaders, importFields, requiredImportFields } from '../../../shared/import/fields.js';
import { useLanguage } from '../../app/i18n/index.js';

/**
 * The headers Sentra recognises, in place of a template file: the same headers an export writes, so an exported
 * list is also the template.
 */
export function ImportFieldsHelp({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Accordion variant="contained" defaultValue={defaultOpen ? 'help' : null} data-testid="import-help">
      <Accordion.Item value="help">
        <Accordion.Control icon={<IconHelpCircle size={18} />}>{t('imports.help.title')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <Text size="sm">{t('imports.help.intro')}</Text>
            <Group gap={6}>
              {importFields.map((f) => {
                const required = requiredImportFields.includes(f);
                return (
                  <Badge
                    key={f}
                    variant={required ? 'filled' : 'light'}
                    color={required ? 'teal' : 'gray'}
                    tt="none"
                    size="lg"
                    fw={500}
                  >
                    {importFieldHeaders[f].id}
                    {lang === 'en' && importFieldHeaders[f].en !== importFieldHeaders[f].id
                      ? ` (${importFieldHeaders[f].en})`
                      : ''}
                    {required ? ' *' : ''}
                  </Badge>
                );
              })}
            </Group>
            <Text size="sm" c="dimmed">
              {t('imports.help.required')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('imports.help.tips')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('imports.help.template')}
            </Text>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
