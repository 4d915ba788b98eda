import { expect, test } from '@playwright/test';
import { demo, logIn, nav } from './support.js';

test('on a 360-px phone the menu opens from the burger and nothing overflows sideways', async ({ page }) => {
  await logIn(page, demo.coordinatorSawangan);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Buka menu' }).click();
  await nav(page, 'users', 'Pengguna').click();
  await expect(page.getByText('Budi Pendamping')).toBeVisible();
});
