import { expect, type Page, test } from '@playwright/test';
import { demo, logIn, nav } from './support.js';

/** "1–25 dari 2.000" under the list → 2000. */
async function listTotal(page: Page): Promise<number> {
  const footer = page.getByText(/^\d[\d.]*–\d[\d.]* dari \d[\d.]*$/);
  await expect(footer).toBeVisible();
  const text = (await footer.textContent()) ?? '';
  return Number(text.split(' dari ')[1].replace(/\./g, ''));
}

async function openParticipants(page: Page) {
  await nav(page, 'participants', 'Peserta').click();
  await expect(page).toHaveURL(/\/participants$/);
  await expect(page.getByTestId('participant-row').first()).toBeVisible();
}

test('a coordinator of Sawangan sees only Sawangan members, and a member page with its 7 stages', async ({ page }) => {
  await logIn(page, demo.coordinatorSawangan);
  await openParticipants(page);

  const regions = await page.getByTestId('cell-region').allTextContents();
  expect(regions.length).toBeGreaterThan(0);
  for (const region of regions) expect(region).toContain('Sawangan');
  const coordinatorTotal = await listTotal(page);

  // The member page: the seven stages as a tracker, the NIK masked.
  await page.getByTestId('participant-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}/);
  const tracker = page.getByTestId('stage-tracker');
  await expect(tracker).toBeVisible();
  await expect(tracker.locator('[data-stage]')).toHaveCount(7);
  for (const stage of ['Pendaftaran', 'Pelatihan', 'Pendampingan', 'Perizinan', 'Pemasaran', 'Permodalan'])
    await expect(tracker.getByText(stage, { exact: true })).toBeVisible();
  await expect(page.getByTestId('nik')).toHaveText(/^\d{4} x{4} x{4} \d{4}$/);
  await expect(page.getByText('Kec. Sawangan').first()).toBeVisible();

  // The program admin of the whole city sees more people than one kecamatan holds.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/login/);
  await logIn(page, demo.programAdmin);
  await openParticipants(page);
  expect(await listTotal(page)).toBeGreaterThan(coordinatorTotal);
});

test('a program admin filters by kecamatan and the link carries the filter', async ({ page }) => {
  await logIn(page, demo.programAdmin);
  await openParticipants(page);
  const all = await listTotal(page);

  await page.getByRole('combobox', { name: 'Kecamatan' }).click();
  await page.getByRole('option', { name: 'Beji', exact: true }).click();
  await expect(page).toHaveURL(/[?&]kecamatan=32\.76\.06(&|$)/);
  await expect(page.getByTestId('cell-region').first()).toContainText('Beji');
  const regions = await page.getByTestId('cell-region').allTextContents();
  for (const region of regions) expect(region).toContain('Beji');
  const beji = await listTotal(page);
  expect(beji).toBeLessThan(all);

  // The same link, opened afresh, shows the same view.
  await page.goto(page.url());
  await expect(page.getByRole('combobox', { name: 'Kecamatan' })).toHaveValue('Beji');
  await expect(page.getByTestId('cell-region').first()).toContainText('Beji');
  expect(await listTotal(page)).toBe(beji);
});
