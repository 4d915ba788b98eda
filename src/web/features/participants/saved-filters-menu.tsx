import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBookmark, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { useOperators } from '../operators/operators-api.js';
import { useDeleteFilter, useSavedFilters, useSaveFilter } from './participants-api.js';
import { filtersOf, type ParticipantsSearch, parseParticipantsSearch } from './participants-search.js';

function SaveFilterModal({
  search,
  opened,
  onClose,
}: {
  search: ParticipantsSearch;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const save = useSaveFilter();
  const session = useSession();
  // A saved filter belongs to one operator; the server picks the caller's, but an admin spans them all.
  const operators = useOperators(opened && session.isAdmin);
  const operatorId = session.grants.find((g) => g.operatorId)?.operatorId ?? operators.data?.items[0]?.id ?? undefined;
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('participants.filterNameRequired')) },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((v) =>
    save.mutate(
      { name: v.name.trim(), query: filtersOf(search), operatorId },
      {
        onSuccess: () => {
          notifySaved(t, t('participants.filterSaved'));
          close();
        },
        onError: errors.form(form),
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={close} title={t('participants.saveFilter')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('participants.filterName')}
            placeholder={t('participants.filterNamePlaceholder')}
            required
            maxLength={100}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <FormActions onCancel={close} loading={save.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Name the current filter to come back to it; each saved one replays as the same URL. */
export function SavedFiltersMenu({
  search,
  onSearch,
}: {
  search: ParticipantsSearch;
  onSearch: (next: ParticipantsSearch) => void;
}) {
  const { t } = useTranslation();
  const errors = useErrorHandlers();
  const list = useSavedFilters();
  const remove = useDeleteFilter();
  const [saving, setSaving] = useState(false);
  const items = list.data?.items ?? [];
  const canSave = Object.keys(filtersOf(search)).length > 0;

  return (
    <>
      <Menu position="bottom-end" width={280} withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} data-testid="saved-filters">
            {t('participants.savedFilters')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconDeviceFloppy size={16} />} disabled={!canSave} onClick={() => setSaving(true)}>
            {t('participants.saveFilter')}
          </Menu.Item>
          <Menu.Divider />
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" py={6}>
              {list.isLoading ? t('common.loading') : t('participants.noSavedFilters')}
            </Text>
          ) : null}
          {items.map((f) => (
            // The delete button sits beside the item, not inside it: one control per action.
            <Group key={f.id} gap={2} wrap="nowrap">
              <Menu.Item style={{ flex: 1 }} onClick={() => onSearch(parseParticipantsSearch(f.query))}>
                {f.name}
              </Menu.Item>
              <ActionIcon
                size="md"
                variant="subtle"
                color="red"
                aria-label={t('participants.deleteFilter', { name: f.name })}
                loading={remove.isPending && remove.variables === f.id}
                onClick={() =>
                  remove.mutate(f.id, {
                    onSuccess: () => notifySaved(t, t('participants.filterDeleted')),
                    onError: errors.notify,
                  })
                }
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Menu.Dropdown>
      </Menu>
      <SaveFilterModal search={search} opened={saving} onClose={() => setSaving(false)} />
    </>
  );
}
