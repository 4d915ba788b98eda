import {
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { legalForms, salesChannels } from '../../../shared/participants.js';
import { RegionPicker } from '../regions/region-picker.js';
import { KbliSelect } from './kbli-select.js';
import type { RegistrationValues } from './registration-values.js';

const today = () => new Date().toISOString().slice(0, 10);

/** One business of the applicant: what it is, where, since when, how big. */
export function BusinessFields({
  form,
  index,
  onRemove,
}: {
  form: UseFormReturnType<RegistrationValues>;
  index: number;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const path = (field: string) => `businesses.${index}.${field}`;
  const b = form.getValues().businesses[index];
  const count = form.getValues().businesses.length;

  return (
    <Card withBorder padding="md" data-testid="business-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>
            {count > 1 ? t('registration.businessN', { n: index + 1 }) : t('registration.business')}
          </Title>
          {onRemove ? (
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={onRemove}>
              {t('registration.removeBusiness')}
            </Button>
          ) : null}
        </Group>
        <TextInput
          label={t('registration.businessName')}
          placeholder={t('registration.businessNamePlaceholder')}
          required
          size="md"
          {...form.getInputProps(path('name'))}
        />
        <KbliSelect {...form.getInputProps(path('kbli'))} />
        <TextInput
          label={t('registration.productType')}
          placeholder={t('registration.productTypePlaceholder')}
          size="md"
          {...form.getInputProps(path('productType'))}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('registration.legalForm')}
            placeholder={t('registration.legalFormPlaceholder')}
            clearable
            size="md"
            data={legalForms.map((f) => ({ value: f, label: t(`registration.legalForms.${f}`) }))}
            {...form.getInputProps(path('legalForm'))}
          />
          <TextInput
            label={t('registration.nib')}
            description={t('registration.nibHint')}
            inputMode="numeric"
            maxLength={13}
            size="md"
            {...form.getInputProps(path('nib'))}
          />
        </SimpleGrid>
        <Stack gap={6}>
          <DatePickerInput
            label={t('registration.foundedOn')}
            valueFormat="D MMM YYYY"
            clearable
            size="md"
            maxDate={today()}
            disabled={b.preVenture}
            {...form.getInputProps(path('foundedOn'))}
          />
          <Checkbox
            label={t('registration.preVenture')}
            {...form.getInputProps(path('preVenture'), { type: 'checkbox' })}
          />
        </Stack>
        <Checkbox label={t('registration.atHome')} {...form.getInputProps(path('atHome'), { type: 'checkbox' })} />
        {b.atHome ? null : (
          <>
            <Textarea
              label={t('registration.businessAddress')}
              autosize
              minRows={2}
              size="md"
              {...form.getInputProps(path('address'))}
            />
            <RegionPicker
              label={t('registration.businessVillage')}
              maxLevel={4}
              value={b.villageCode}
              onChange={(code) => form.setFieldValue(path('villageCode'), code)}
              error={form.errors[path('villageCode')]}
            />
          </>
        )}
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('registration.employeesMale')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            size="md"
            {...form.getInputProps(path('employeesMale'))}
          />
          <NumberInput
            label={t('registration.employeesFemale')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            size="md"
            {...form.getInputProps(path('employeesFemale'))}
          />
        </SimpleGrid>
        <NumberInput
          label={t('registration.monthlyRevenue')}
          description={t('registration.monthlyRevenueHint')}
          prefix="Rp "
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          allowNegative={false}
          hideControls
          inputMode="numeric"
          size="md"
          {...form.getInputProps(path('monthlyRevenue'))}
        />
        <MultiSelect
          label={t('registration.channelsLabel')}
          placeholder={t('registration.channelsPlaceholder')}
          data={salesChannels.map((c) => ({ value: c, label: t(`registration.channels.${c}`) }))}
          clearable
          size="md"
          {...form.getInputProps(path('channels'))}
        />
      </Stack>
    </Card>
  );
}
