import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** "Kembali" and the step's forward action, at the foot of each wizard step. */
export function StepButtons({
  onBack,
  onNext,
  nextLabel,
  disabled,
  loading,
  nextTestId = 'import-next',
}: {
  onBack?: () => void;
  onNext: () => void;
  nextLabel?: ReactNode;
  disabled?: boolean;
  loading?: boolean;
  nextTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md">
      {onBack ? (
        <Button variant="default" onClick={onBack} disabled={loading}>
          {t('imports.back')}
        </Button>
      ) : (
        <span />
      )}
      <Button onClick={onNext} disabled={disabled} loading={loading} data-testid={nextTestId}>
        {nextLabel ?? t('imports.next')}
      </Button>
    </Group>
  );
}
