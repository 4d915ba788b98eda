import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demo, logIn, nav } from './support.js';

test('an administrator signs in with email and out again', async ({ page }) => {
  await logIn(page, demo.admin);
  await expect(page.getByText('Admin Demo').first()).toBeVisible();
  await expect(nav(page, 'audit', 'Log Audit')).toBeVisible();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/users');
  await expect(page).toHaveURL(/\/login/);
});

test('a business owner signs in with a phone number and sees no staff screens', async ({ page }) => {
  await logIn(page, demo.participantPhone);
  await expect(page.getByText('Ibu Yati').first()).toBeVisible();
  await expect(nav(page, 'users', 'Pengguna')).toHaveCount(0);
  await expect(nav(page, 'audit', 'Log Audit')).toHaveCount(0);
});

test('a wrong password says so next to the form and keeps the user on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email atau nomor HP').fill(demo.admin);
  await page.getByLabel('Kata sandi').fill(`${DEMO_PASSWORD}-salah`);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByText('Email/nomor HP atau kata sandi salah')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
