import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconFileExport, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.js';
import { useErrorHandlers } from '../../app/errors.js';
import { ExportProgressModal } from './export-progress-modal.js';
import { downloadFile, type ExportFormat, exportFileUrl, useExport, useStartExport } from './exports-api.js';

/**
 * "Ekspor Excel" / "Ekspor CSV" of the list as filtered on screen. The file downloads by itself when it is ready,
 * also when the progress window was closed (as long as this page stays open).
 */
export function ExportMenu({ filters, total }: { filters: Record<string, string | number>; total?: number }) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const start = useStartExport();
  const [exportId, setExportId] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  const query = useExport(exportId);
  const downloaded = useRef<string | null>(null);
  const run = query.data;

  useEffect(() => {
    if (run?.status !== 'done' || downloaded.current === run.id) return;
    downloaded.current = run.id;
    downloadFile(exportFileUrl(run.id));
    if (!opened) notifications.show({ color: 'teal', message: t('exports.downloaded') });
  }, [run, opened, t]);

  const begin = (format: ExportFormat) => {
    setExportId(null);
    setOpened(true);
    start.mutate(
      { format, filters },
      {
        onSuccess: (r) => setExportId(r.id),
        onError: (err) => {
          setOpened(false);
          errors.notify(err);
        },
      },
    );
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={start.isPending}
            data-testid="export-menu"
          >
            {t('participants.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {total === undefined ? t('exports.currentFilters') : t('exports.currentCount', { n: formatNumber(total) })}
          </Menu.Label>
          <Menu.Item
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => begin('xlsx')}
            data-testid="export-xlsx"
          >
            {t('exports.xlsx')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => begin('csv')} data-testid="export-csv">
            {t('exports.csv')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ExportProgressModal
        run={run}
        error={start.error ?? query.error}
        opened={opened}
        onClose={() => setOpened(false)}
      />
    </>
  );
}
