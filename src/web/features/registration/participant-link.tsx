import type { ButtonProps } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AnchorLink, ButtonLink } from '../../app/ui/links.js';

// The member page (/participants/$id) belongs to the participants feature; these are the ways this feature opens it.

export function useOpenParticipant() {
  const navigate = useNavigate();
  return (id: string) => void navigate({ to: '/participants/$id', params: { id } });
}

export function ParticipantAnchor({ id, children }: { id: string; children: ReactNode }) {
  return (
    <AnchorLink to="/participants/$id" params={{ id }}>
      {children}
    </AnchorLink>
  );
}

export function ParticipantButton({
  id,
  children,
  size,
  variant,
}: Pick<ButtonProps, 'size' | 'variant'> & { id: string; children: ReactNode }) {
  return (
    <ButtonLink to="/participants/$id" params={{ id }} size={size} variant={variant}>
      {children}
    </ButtonLink>
  );
}
