import { MultiSelect, Select, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { useProgramsWithTracks } from '../participants/participants-api.js';
import { useDistrictOptions } from '../participants/use-district-options.js';
import type { WaveValues } from './wave-form-values.js';

/**
 * Who the wave is for, as members see it in their own list: a program and track (empty: any), and kecamatan
 * (empty: the operator's whole area).
 */
export function WaveAudienceFields({ form }: { form: UseFormReturnType<WaveValues> }) {
  const { t } = useTranslation();
  const session = useSession();
  const programs = useProgramsWithTracks(session.can('programs.read'));
  const districts = useDistrictOptions();
  const ofOperator = (programs.data?.items ?? []).filter((p) => p.operatorId === form.values.operatorId);
  const program = ofOperator.find((p) => p.id === form.values.programId);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <Select
        label={t('trainings.waveForm.program')}
        placeholder={t('trainings.waveForm.anyProgram')}
        data={ofOperator.map((p) => ({ value: p.id, label: p.name }))}
        clearable
        searchable
        {...form.getInputProps('programId')}
        onChange={(v) => {
          form.setFieldValue('programId', v);
          form.setFieldValue('trackId', null);
        }}
      />
      <Select
        label={t('trainings.waveForm.track')}
        placeholder={program ? t('trainings.waveForm.anyTrack') : t('trainings.waveForm.pickProgramFirst')}
        data={(program?.tracks ?? []).map((tr) => ({ value: tr.id, label: `${tr.code} — ${tr.name}` }))}
        disabled={!program}
        clearable
        {...form.getInputProps('trackId')}
      />
      <MultiSelect
        label={t('trainings.waveForm.districts')}
        placeholder={form.values.districtCodes.length ? undefined : t('trainings.waveForm.allDistricts')}
        data={districts.options}
        searchable
        clearable
        {...form.getInputProps('districtCodes')}
      />
    </SimpleGrid>
  );
}
