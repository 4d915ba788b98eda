import { expect, test } from '@playwright/test';
import { demo, logIn, nav } from './support.js';

test('switching to English changes the interface and survives a reload', async ({ page }) => {
  await logIn(page, demo.admin);
  await expect(nav(page, 'users', 'Pengguna')).toBeVisible();
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(nav(page, 'users', 'Users')).toBeVisible();
  await expect(nav(page, 'users', 'Pengguna')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(nav(page, 'users', 'Users')).toBeVisible();
  await page.getByTestId('language-switch').getByText('ID').click();
  await expect(nav(page, 'users', 'Pengguna')).toBeVisible();
});
