import { Paper, Stack, Stepper, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { ButtonLink } from '../../app/ui/links.js';
import { PageHeader } from '../../app/ui/page-header.js';
import { EmptyBlock, LoadingBlock, NoAccess } from '../../app/ui/query-state.js';
import { useIsMobile } from '../../app/ui/use-is-mobile.js';
import { useOperatorChoices } from '../programs/use-operator-choices.js';
import { ImportLayoutStep } from './import-layout-step.js';
import { ImportMappingStep } from './import-mapping-step.js';
import { ImportPreviewStep } from './import-preview-step.js';
import { ImportSourceStep } from './import-source-step.js';
import { ServerErrorAlert } from './server-error-alert.js';
import { type ImportWizard, useImportWizard, wizardSteps } from './use-import-wizard.js';

function WizardStepper({ wizard, operators }: { wizard: ImportWizard; operators: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const bodies = [
    <ImportSourceStep key="source" wizard={wizard} operators={operators} />,
    <ImportLayoutStep key="layout" wizard={wizard} />,
    <ImportMappingStep key="mapping" wizard={wizard} />,
    <ImportPreviewStep key="preview" wizard={wizard} />,
  ];
  return (
    <Stack gap="sm">
      <Stepper
        active={wizard.step}
        onStepClick={wizard.goTo}
        allowNextStepsSelect={false}
        size={isMobile ? 'xs' : 'sm'}
        data-testid="import-stepper"
      >
        {wizardSteps.map((key, i) => (
          <Stepper.Step
            key={key}
            label={isMobile ? undefined : t(`imports.steps.${key}.label`)}
            description={isMobile ? undefined : t(`imports.steps.${key}.description`)}
            loading={wizard.busy && wizard.step === i}
          />
        ))}
      </Stepper>
      {isMobile ? (
        <Text size="sm" fw={600}>
          {t('imports.stepOf', {
            n: wizard.step + 1,
            total: wizardSteps.length,
            label: t(`imports.steps.${wizardSteps[wizard.step]}.label`),
          })}
        </Text>
      ) : null}
      <ServerErrorAlert error={wizard.error} />
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        data-testid={`import-step-${wizardSteps[wizard.step]}`}
      >
        {bodies[wizard.step]}
      </Paper>
    </Stack>
  );
}

/** "Impor data": a spreadsheet of participants into Sentra, step by step, with a preview before anything is saved. */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { choices, isLoading } = useOperatorChoices('imports.run');
  const wizard = useImportWizard(choices.length === 1 ? choices[0].value : null);

  if (!session.can('imports.run')) return <NoAccess />;
  return (
    <>
      <PageHeader
        title={t('imports.wizardTitle')}
        description={t('imports.wizardDescription')}
        actions={
          <ButtonLink to="/imports" variant="default" leftSection={<IconHistory size={16} />}>
            {t('imports.history')}
          </ButtonLink>
        }
      />
      {isLoading ? <LoadingBlock /> : null}
      {!isLoading && choices.length === 0 ? <EmptyBlock title={t('imports.noOperator')} /> : null}
      {choices.length ? <WizardStepper wizard={wizard} operators={choices} /> : null}
    </>
  );
}
