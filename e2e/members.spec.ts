import { expect, test } from '@playwright/test';
import { demo, logIn, nav } from './support.js';

test('a business owner signs in with the phone, sees the card and 7 stages, and joins an open training', async ({
  page,
}) => {
  await logIn(page, demo.participantPhone);
  await expect(page.getByRole('heading', { name: 'Yati Suryani', level: 2 })).toBeVisible();
  await expect(page.getByTestId('member-card')).toContainText('Sawangan');
  await expect(page.getByTestId('member-qr')).toBeVisible();
  await expect(page.getByTestId('stage-tracker')).toBeVisible();
  // Staff sections are not theirs; their own are.
  await expect(nav(page, 'participants', 'Peserta')).toHaveCount(0);
  await expect(nav(page, 'myTrainings', 'Pelatihan saya')).toHaveCount(1);

  const card = await page.request.get('/api/me/member-card.pdf');
  expect(card.headers()['content-type']).toBe('application/pdf');

  await page.getByTestId('go-trainings').click();
  await expect(page).toHaveURL(/\/me\/trainings/);
  const online = page.getByTestId('open-wave').filter({ hasText: 'Gelombang 6 — Daring' });
  await online.getByTestId('open-wave-enroll').click();
  await expect(page.getByTestId('my-wave').filter({ hasText: 'Gelombang 6 — Daring' })).toBeVisible();
});

test('a coordinator opens a member account from the member page and gets the password once', async ({ page }) => {
  await logIn(page, demo.coordinatorSawangan);
  await page.goto('/participants');
  // The newest record is the demo member, who already has an account; the next one has none.
  await page.getByTestId('participant-row').nth(1).getByRole('link').first().click();
  await page.getByRole('tab', { name: 'Data diri' }).click();
  const panel = page.getByTestId('member-account');
  await expect(panel).toContainText('Belum punya akun');
  await panel.getByRole('button', { name: 'Buatkan akun' }).click();
  await expect(page.getByTestId('member-password')).toHaveText(/^.{8}$/);
  await expect(panel).toContainText('Masuk dengan nomor HP');

  // One member, one mentor, from the member page.
  await page.getByRole('tab', { name: 'Pendampingan' }).click();
  await page.getByTestId('assign-one').click();
  const dialog = page.getByRole('dialog');
  // The suggestion names the mentor who covers the kecamatan and says why.
  await dialog.getByRole('button', { name: /Budi Pendamping.*Meliput kecamatan peserta/ }).click();
  await dialog.getByRole('button', { name: 'Tetapkan', exact: true }).click();
  await expect(page.getByTestId('current-mentor')).toHaveText('Budi Pendamping');
});
