import { expect, type Page } from '@playwright/test';

// Demo accounts created by `sentra seed-demo` (see src/server/modules/demo/demo.seed.ts).
export const DEMO_PASSWORD = 'sentra-demo-2026';
export const demo = {
  admin: 'admin@demo.sentra.id',
  programAdmin: 'dinas@demo.sentra.id',
  coordinatorSawangan: 'sawangan@demo.sentra.id',
  participantPhone: '0812-0000-0007',
};

export async function logIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email atau nomor HP').fill(identifier);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A navbar entry by its key, holding the expected label (home-page cards link to the same places). */
export function nav(page: Page, key: string, label: string) {
  return page.getByTestId(`nav-${key}`).filter({ hasText: label });
}
