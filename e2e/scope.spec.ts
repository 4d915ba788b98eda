import { expect, test } from '@playwright/test';
import { demo, logIn, nav } from './support.js';

test('a coordinator of Sawangan sees only their kecamatan', async ({ page }) => {
  await logIn(page, demo.coordinatorSawangan);
  await expect(page.getByText(/Sawangan/).first()).toBeVisible();

  await nav(page, 'operators', 'Operator & Sentra').click();
  await page
    .getByText(/Dinas Koperasi dan Usaha Mikro Kota Depok/)
    .first()
    .click();
  await expect(page.getByText('Sentra WUB Sawangan')).toBeVisible();
  await expect(page.getByText('Sentra WUB Beji')).toHaveCount(0);
  await expect(page.getByText('Sentra WUB Cimanggis')).toHaveCount(0);

  await nav(page, 'users', 'Pengguna').click();
  await expect(page.getByText('Budi Pendamping')).toBeVisible();
  await expect(page.getByText('Dewi Pelatih')).toHaveCount(0);
  await expect(page.getByText('Admin Demo')).toHaveCount(0);
});

test('a program admin sees all eleven centers of Depok', async ({ page }) => {
  await logIn(page, demo.programAdmin);
  await nav(page, 'operators', 'Operator & Sentra').click();
  await page
    .getByText(/Dinas Koperasi dan Usaha Mikro Kota Depok/)
    .first()
    .click();
  for (const kecamatan of ['Sawangan', 'Beji', 'Cimanggis', 'Tapos', 'Bojongsari'])
    await expect(page.getByText(`Sentra WUB ${kecamatan}`)).toBeVisible();
});
