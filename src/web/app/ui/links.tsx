import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  Card,
  type CardProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';

// Mantine's polymorphic `component={Link}` loses the router's typing of `to`/`params`/`search`;
// these wrappers keep both: Mantine looks, type-checked routes.

const AnchorBase = forwardRef<HTMLAnchorElement, AnchorProps & ComponentPropsWithoutRef<'a'>>((props, ref) => (
  <Anchor component="a" ref={ref} {...props} />
));
export const AnchorLink = createLink(AnchorBase);

const ButtonBase = forwardRef<HTMLAnchorElement, ButtonProps & ComponentPropsWithoutRef<'a'>>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
export const ButtonLink = createLink(ButtonBase);

const CardBase = forwardRef<HTMLAnchorElement, CardProps & ComponentPropsWithoutRef<'a'>>((props, ref) => (
  <Card component="a" ref={ref} {...props} />
));
export const CardLink = createLink(CardBase);

const NavLinkBase = forwardRef<
  HTMLAnchorElement,
  NavLinkProps & Omit<ComponentPropsWithoutRef<'a'>, keyof NavLinkProps>
>((props, ref) => <NavLink component="a" ref={ref} {...props} />);
export const NavLinkLink = createLink(NavLinkBase);
