import { Button, Group, Select, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/access.js';
import { notifySaved, useErrorHandlers } from '../../app/errors.js';
import { useSession } from '../../app/session.js';
import { useOperators } from '../operators/operators-api.js';
import { RegionPicker } from '../regions/region-picker.js';
import { useAddAssignment } from './users-api.js';

type Values = { role: Role | null; operatorId: string | null; regionPrefix: string | null };

/** Give a person a role at an operator, optionally limited to part of its service area. */
export function AssignmentForm({ userId, defaultOperatorId }: { userId: string; defaultOperatorId: string | null }) {
  const { t } = useTranslation();
  const session = useSession();
  const errors = useErrorHandlers();
  const add = useAddAssignment(userId);
  const operators = useOperators();
  const form = useForm<Values>({
    initialValues: { role: null, operatorId: defaultOperatorId, regionPrefix: null },
    validate: {
      role: (v) => (v ? null : t('assignments.roleRequired')),
      operatorId: (v, all) => (all.role === 'admin' || v ? null : t('assignments.operatorRequired')),
    },
  });
  const isAdminRole = form.values.role === 'admin';
  const operator = operators.data?.items.find((o) => o.id === form.values.operatorId);

  const submit = form.onSubmit((v) => {
    if (!v.role) return;
    const body =
      v.role === 'admin'
        ? { role: v.role, operatorId: null, regionPrefix: null }
        : { role: v.role, operatorId: v.operatorId, regionPrefix: v.regionPrefix };
    add.mutate(body, {
      onSuccess: () => {
        notifySaved(t, t('assignments.added'));
        form.setValues({ role: null, regionPrefix: null });
      },
      onError: errors.form(form),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={5}>{t('assignments.add')}</Title>
        <Select
          label={t('assignments.role')}
          data={session.grantableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          required
          {...form.getInputProps('role')}
        />
        {isAdminRole ? null : (
          <>
            <Select
              label={t('assignments.operator')}
              data={(operators.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              required
              searchable
              {...form.getInputProps('operatorId')}
              onChange={(v) => {
                form.setFieldValue('operatorId', v);
                form.setFieldValue('regionPrefix', null);
              }}
            />
            <RegionPicker
              key={form.values.operatorId ?? 'none'}
              label={t('assignments.region')}
              description={t('assignments.regionHint')}
              value={form.values.regionPrefix}
              onChange={(code) => form.setFieldValue('regionPrefix', code)}
              within={operator?.serviceArea}
              disabled={!operator}
              maxLevel={4}
              error={form.errors.regionPrefix}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending}>
            {t('assignments.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
