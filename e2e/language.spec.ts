import { expect, test } from '@playwright/test';
import { demo, logIn } from './support.js';

test('switching to English changes the interface and survives a reload', async ({ page }) => {
  await logIn(page, demo.admin);
  await expect(page.getByRole('link', { name: 'Pengguna' })).toBeVisible();
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Users' })).toBeVisible();
  await page.getByTestId('language-switch').getByText('ID').click();
  await expect(page.getByRole('link', { name: 'Pengguna' })).toBeVisible();
});
