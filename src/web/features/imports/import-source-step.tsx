import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { usePrograms } from '../programs/programs-api.js';
import type { OperatorChoice } from '../programs/use-operator-choices.js';
import { FileDrop } from './file-drop.js';
import { ImportFieldsHelp } from './import-fields-help.js';
import type { ImportWizard } from './use-import-wizard.js';

/** Where the rows go (operator, and optionally a program track to enrol them in), then the file. */
export function ImportSourceStep({ wizard, operators }: { wizard: ImportWizard; operators: OperatorChoice[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const { operatorId, source } = wizard;
  const programs = usePrograms(operatorId ?? undefined, !!operatorId && session.can('programs.read'));
  const active = (programs.data?.items ?? []).filter((p) => p.active);
  const program = active.find((p) => p.id === source.programId);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: operators.length > 1 ? 3 : 2 }} spacing="sm">
        {operators.length > 1 ? (
          <Select
            label={t('imports.source.operator')}
            required
            data={operators}
            value={operatorId}
            onChange={(v) => wizard.setSource({ operatorId: v, programId: null, trackId: null })}
            allowDeselect={false}
            searchable
            data-testid="import-operator"
          />
        ) : null}
        {session.can('programs.read') ? (
          <>
            <Select
              label={t('imports.source.program')}
              description={t('imports.source.programHint')}
              placeholder={t('imports.source.noProgram')}
              data={active.map((p) => ({ value: p.id, label: p.name }))}
              value={source.programId}
              onChange={(v) => wizard.setSource({ programId: v, trackId: null })}
              disabled={!operatorId}
              clearable
              data-testid="import-program"
            />
            <Select
              label={t('imports.source.track')}
              description={t('imports.source.trackHint')}
              placeholder={program ? t('imports.source.noTrack') : t('participants.pickProgramFirst')}
              data={(program?.tracks ?? []).map((tr) => ({ value: tr.id, label: `${tr.code} — ${tr.name}` }))}
              value={source.trackId}
              onChange={(v) => wizard.setSource({ trackId: v })}
              disabled={!program}
              clearable
              data-testid="import-track"
            />
          </>
        ) : null}
      </SimpleGrid>
      <FileDrop
        onFile={(file) => void wizard.uploadAndInspect(file)}
        loading={wizard.busy}
        disabled={!operatorId}
        fileName={wizard.upload?.fileName}
      />
      {wizard.upload ? (
        <Group justify="flex-end">
          <ContinueWithFile wizard={wizard} />
        </Group>
      ) : null}
      <ImportFieldsHelp />
    </Stack>
  );
}

/** Back on the first step with a file already uploaded: go on with it instead of uploading it again. */
function ContinueWithFile({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  return (
    <Button onClick={wizard.continueWithUpload} disabled={wizard.busy} data-testid="import-continue-file">
      {t('imports.source.continueWith', { name: wizard.upload?.fileName ?? '' })}
    </Button>
  );
}
