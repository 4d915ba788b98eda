import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demo, logIn } from './support.js';

test('a coordinator of Sawangan registers a person and sees what the NIK says', async ({ page }) => {
  await logIn(page, demo.coordinatorSawangan);
  await page.goto('/participants/new');
  await expect(page.getByRole('heading', { name: 'Daftarkan peserta' })).toBeVisible();

  // 32.76.03 Sawangan · 17-08-1990 · serial 0101: a man born on Independence Day 1990.
  await page.getByLabel('NIK').fill('3276031708900101');
  await expect(page.getByTestId('nik-reading')).toHaveText('Laki-laki · lahir 17 Agu 1990');
  await page.getByLabel('Nama lengkap').fill('Rahmat bin Sulaiman');
  await page.getByLabel('No. HP/WhatsApp').fill('081298765432');
  await page.getByLabel('Email').focus();
  await expect(page.getByLabel('No. HP/WhatsApp')).toHaveValue('0812-9876-5432');
  await page.getByRole('combobox', { name: 'Kecamatan', exact: true }).click();
  await page.getByRole('option', { name: 'Sawangan' }).click();
  await page.getByRole('combobox', { name: 'Kelurahan/Desa', exact: true }).click();
  await page.getByRole('option', { name: 'Bedahan' }).click();
  await page.getByLabel('Nama usaha').fill('Roti Bakar Rahmat');
  await page.getByRole('combobox', { name: 'Bidang usaha (KBLI)' }).fill('roti');
  await page.getByRole('option', { name: /^10710 — Industri Produk Roti dan Kue/ }).click();
  await page.getByLabel('Omzet per bulan').fill('2500000');
  await expect(page.getByLabel('Omzet per bulan')).toHaveValue('Rp 2.500.000');

  await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
});

test('a visitor registers themself through the public link and is thanked', async ({ page, request }) => {
  // The link an operator shares carries its id; the admin reads it from the API.
  const signIn = await request.post('/api/auth/sign-in/email', {
    data: { email: demo.admin, password: DEMO_PASSWORD },
  });
  expect(signIn.ok()).toBeTruthy();
  const operators = (await (await request.get('/api/operators')).json()) as { items: Array<{ id: string }> };
  const operatorId = operators.items[0].id;

  // The public page may only use the open endpoints.
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) apiCalls.push(path);
  });

  await page.goto(`/daftar?operator=${operatorId}`);
  await expect(page.getByRole('heading', { name: 'Pendaftaran peserta UMKM' })).toBeVisible();
  // The page names the operator and its area, read from the public operator endpoint.
  await expect(page.getByTestId('public-operator-name')).toContainText('Kota Depok');
  // 32.76.03 · 45 → 5th, a woman · 05-1985 · serial 0102.
  await page.getByLabel('NIK').fill('3276034505850102');
  await expect(page.getByTestId('nik-reading')).toHaveText('Perempuan · lahir 5 Mei 1985');
  await page.getByLabel('Nama lengkap').fill("Siti Nur'aini");
  await page.getByLabel('No. HP/WhatsApp').fill('0857 1234 5678');
  await page.getByRole('combobox', { name: 'Cari wilayah' }).fill('pasir putih');
  await page.getByRole('option', { name: /^Pasir Putih · Kelurahan\/Desa/ }).click();
  await expect(page.getByRole('combobox', { name: 'Kelurahan/Desa', exact: true })).toHaveValue('Pasir Putih');
  await page.getByLabel('Nama usaha').fill('Keripik Singkong Bu Siti');

  // Consent is required (UU PDP): without it nothing is sent.
  await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
  await expect(page.getByText('Centang persetujuan untuk melanjutkan')).toBeVisible();
  await page.getByTestId('consent').check();
  await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();

  await expect(
    page.getByText('Pendaftaran diterima. Petugas kecamatan akan menghubungi Anda melalui WhatsApp.'),
  ).toBeVisible();
  // A visitor without an account touches only the public endpoints.
  expect(apiCalls.filter((p) => !p.startsWith('/api/public/') && !p.startsWith('/api/regions'))).toEqual([]);
});
