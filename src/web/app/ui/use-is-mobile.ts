import { em } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** Phone layout (cards, one column) below the `sm` breakpoint; rendered, not merely hidden, so text is never doubled. */
export function useIsMobile(): boolean {
  return useMediaQuery(`(max-width: ${em(767)})`, false, { getInitialValueInEffect: false }) ?? false;
}
