import { expect, type Page, test } from '@playwright/test';
import { demo, logIn, nav } from './support.js';

// The demo trainer (src/server/modules/demo/demo.seed.ts): trainings.manage / enroll / attend in Kota Depok.
const TRAINER = 'pelatih@demo.sentra.id';

/** Today in Jakarta, the day the server's check-in counts in. */
function todayWib(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

async function pick(page: Page, testId: string, option?: string) {
  await page.getByTestId(testId).click();
  const options = page.getByRole('option');
  await (option ? options.filter({ hasText: option }).first() : options.first()).click();
}

test('a trainer schedules a two-day wave, enrolls members from the list, checks one in and sees the grid; the certificate verifies', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const courseTitle = `Pembukuan Sederhana ${tag}`;
  const waveName = `Uji e2e ${tag}`;
  await logIn(page, TRAINER);

  // 1. The catalog: a course with a topic, a level and its hours.
  await nav(page, 'trainings', 'Pelatihan').click();
  await expect(page).toHaveURL(/\/trainings$/);
  await page.getByTestId('tab-catalog').click();
  await page.getByTestId('course-new').click();
  await page.getByLabel('Judul kursus').fill(courseTitle);
  await page.getByRole('combobox', { name: 'Topik' }).click();
  await page.getByRole('option', { name: 'Keuangan & pembukuan' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Jumlah jam').fill('12');
  await page.getByRole('button', { name: 'Simpan kursus' }).click();
  await expect(page.getByTestId('course-card').filter({ hasText: courseTitle })).toContainText('12 jam');

  // 2. A new wave of it: a venue, two days (today and tomorrow), two seats, one day required.
  await page.getByRole('tab', { name: 'Gelombang' }).click();
  await page.getByTestId('wave-new').click();
  await expect(page).toHaveURL(/\/trainings\/waves\/new$/);
  await pick(page, 'wave-course', courseTitle);
  await expect(page.getByTestId('wave-name')).toHaveValue(/Gelombang \d+/);
  await page.getByTestId('wave-name').fill(waveName);
  await page.getByTestId('wave-venue').fill('Aula Kecamatan Sawangan');
  await page.getByTestId('day-0-date').fill(todayWib());
  await page.getByTestId('day-0-start').fill('00:00');
  await page.getByTestId('day-0-end').fill('23:59');
  await page.getByTestId('day-add').click();
  await expect(page.getByTestId('wave-day')).toHaveCount(2);
  // The new day follows the last one.
  await expect(page.getByTestId('day-1-date')).not.toHaveValue('');
  await page.getByTestId('wave-capacity').fill('2');
  await page.getByLabel('Hari wajib hadir').fill('1');
  await page.getByTestId('wave-submit').click();
  await expect(page).toHaveURL(/\/trainings\/waves\/[0-9a-f-]{36}$/);
  const waveUrl = page.url();
  const header = page.getByTestId('wave-header');
  await expect(header).toContainText(waveName);
  await expect(header).toContainText('Hari 2');
  await expect(header).toContainText('0 / 2 kursi');

  // 3. From the participant list: tick three people, "Tambah ke pelatihan" → two seats and one on the waitlist.
  await nav(page, 'participants', 'Peserta').click();
  const rows = page.getByTestId('participant-row');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < 3; i++) await rows.nth(i).getByRole('checkbox').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('3 peserta dipilih');
  await page.getByTestId('bulk-add-to-training').click();
  await pick(page, 'bulk-training-wave', waveName);
  await page.getByTestId('bulk-training-submit').click();
  await expect(page.getByTestId('bulk-training-done')).toContainText('2 terdaftar, 1 masuk daftar tunggu');
  await page.getByRole('link', { name: 'Buka gelombang' }).click();

  // 4. The roster: two seated, one waiting first in line.
  await expect(page).toHaveURL(waveUrl);
  await expect(page.getByTestId('roster-row')).toHaveCount(3);
  await expect(page.getByTestId('roster-row').filter({ hasText: 'Daftar tunggu #1' })).toHaveCount(1);
  const seatedRow = page.getByTestId('roster-row').filter({ hasText: 'Terdaftar' }).first();
  const name = ((await seatedRow.getByRole('link').first().textContent()) ?? '').trim();
  expect(name.length).toBeGreaterThan(2);

  // 5. Check-in without a card: find the name, tap "Hadir", the answer shows big with the name.
  await page.getByTestId('wave-tab-checkin').click();
  await expect(page.getByTestId('check-in-day')).toHaveValue(/Hari 1 .*hari ini/);
  await page.getByTestId('manual-search').fill(name.slice(0, 6));
  await page.getByTestId('manual-row').filter({ hasText: name }).getByTestId('manual-present').click();
  const result = page.getByTestId('check-in-result');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('check-in-name')).toHaveText(name);
  // One day is required: the first check-in completes the training.
  await expect(result).toContainText('Lulus');

  // The row now shows the mark instead of the button: nobody is checked in twice by a second tap.
  await expect(page.getByTestId('manual-row').filter({ hasText: name }).getByTestId('mark')).toBeVisible();
  await expect(page.getByTestId('manual-row').filter({ hasText: name }).getByTestId('manual-present')).toHaveCount(0);

  // 6. The attendance grid: the mark on day 1, nothing yet on day 2.
  await page.getByTestId('wave-tab-attendance').click();
  const gridRow = page.getByTestId('attendance-row').filter({ hasText: name });
  await expect(gridRow.getByTestId('cell-day-1').getByTestId('mark')).toBeVisible();
  await expect(gridRow.getByTestId('cell-day-2').getByTestId('mark')).toHaveCount(0);
  await expect(gridRow.getByTestId('days-attended')).toHaveText('1/2');
  await expect(page.getByTestId('attendance-row')).toHaveCount(2);
  await expect(page.getByTestId('attendance-xlsx')).toHaveAttribute('href', /\/attendance\.xlsx$/);

  // The sheet to print: the two seated members, a signature column, no app frame around it.
  const sheet = await page.context().newPage();
  await sheet.goto(`${waveUrl}/print`);
  await expect(sheet.getByTestId('print-sheet').locator('tbody tr')).toHaveCount(2);
  await expect(sheet.getByTestId('print-sheet')).toContainText('Tanda tangan');
  await expect(sheet.getByTestId('nav-trainings')).toHaveCount(0);
  await sheet.close();

  // 7. The certificate: listed with its serial; the member's message carries the verification link.
  await page.getByTestId('wave-tab-certificates').click();
  const certificate = page.getByTestId('certificate-row').filter({ hasText: name });
  await expect(certificate).toContainText(/SNTR-\d{4}-\d{6}/);
  const serial = ((await certificate.getByText(/SNTR-/).textContent()) ?? '').trim();

  // The program admin reads the outbox, where the member's WhatsApp holds the link to the public page.
  const admin = await browser.newPage();
  await logIn(admin, demo.programAdmin);
  const outbox = await admin.request.get('/api/notifications?channel=whatsapp&pageSize=100');
  expect(outbox.ok()).toBe(true);
  const messages = ((await outbox.json()) as { items: { body: string }[] }).items;
  const link = messages
    .map((m) => /\/verifikasi\/[\w-]+/.exec(m.body)?.[0])
    .find((l, i) => l && messages[i].body.includes(serial));
  expect(link).toBeTruthy();
  await admin.close();

  // 8. Anyone opens the link without signing in: the certificate is genuine, with the holder and the serial.
  const visitor = await browser.newPage();
  await visitor.goto(link as string);
  await expect(visitor.getByTestId('verify-verdict')).toContainText('Sertifikat sah');
  await expect(visitor.getByTestId('verify-holder')).toHaveText(name);
  await expect(visitor.getByTestId('verify-serial')).toHaveText(serial);
  await visitor.goto('/verifikasi/tidak-ada-token-seperti-ini');
  await expect(visitor.getByTestId('verify-verdict')).toContainText('Sertifikat tidak ditemukan');
  await visitor.close();
});
