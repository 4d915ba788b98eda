import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, demo, logIn } from './support.js';

const mentorLogin = 'pendamping@demo.sentra.id';
// A 1×1 PNG, a stand-in for a photo taken in the field.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

type CaseRow = { personId: string; fullName: string; urgency: string };

/** The whole caseload in urgency order, as the signed-in person's API sees it. */
async function caseload(page: Page): Promise<CaseRow[]> {
  const res = await page.request.get('/api/mentoring/caseload?pageSize=200');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: CaseRow[] }).items;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `YYYY-MM-DD`, `days` from today in Jakarta. */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

test.describe('a mentor in the field, on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('logs a session with an action and a follow-up, and the member moves down the urgency list', async ({
    page,
  }) => {
    await logIn(page, mentorLogin, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await page.getByTestId('nav-mentoring').click();
    await expect(page).toHaveURL(/\/mentoring$/);
    await expect(page.getByTestId('caseload-summary')).toBeVisible();

    const first = page.getByTestId('case-card').first();
    await expect(first).toBeVisible();
    const personId = (await first.getAttribute('data-person-id')) ?? '';
    const name = (await first.getByTestId('case-name').textContent()) ?? '';
    expect((await caseload(page))[0].personId).toBe(personId);
    // Nobody on the phone scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );

    await first.getByRole('link', { name: 'Catat sesi' }).click();
    await expect(page).toHaveURL(/\/mentoring\/log\?personId=/);
    await expect(page.getByTestId('log-member')).toHaveText(name);

    await page.getByTestId('log-mode').getByText('Telepon').click();
    await page.getByTestId('log-topics').getByText('Keuangan').click();
    await page.getByTestId('log-topics').getByText('Perizinan').click();
    await page.getByRole('button', { name: 'Tambah Jam kontak' }).click();
    await expect(page.getByTestId('contact-hours-value')).toHaveText('1,25 jam');
    await page.getByLabel('Catatan').fill('Pembukuan harian belum rapi; NIB belum ada.');
    await page.getByRole('button', { name: 'Tambah tindakan' }).click();
    await page.getByTestId('action-row').getByRole('textbox', { name: 'Tindakan' }).fill('Urus NIB di OSS');
    await page.getByRole('button', { name: '+14 hari' }).click();
    // A photo from the field: the camera button opens the back camera; here the file comes from the test.
    await expect(page.locator('input[type="file"][capture="environment"]')).toHaveCount(1);
    await page.locator('input[type="file"][capture="environment"]').setInputFiles({
      name: 'warung.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG, 'base64'),
    });
    await expect(page.getByTestId('attachment')).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    await page.getByRole('button', { name: 'Simpan sesi' }).click();

    // Back on the caseload: the member was contacted today and has a follow-up ahead, so others come first.
    await expect(page).toHaveURL(/\/mentoring$/);
    await expect(page.getByText('Sesi tersimpan')).toBeVisible();
    await expect(page.getByTestId('case-card').first()).not.toHaveAttribute('data-person-id', personId);
    const rows = await caseload(page);
    const moved = rows.findIndex((r) => r.personId === personId);
    expect(moved).toBeGreaterThan(0);
    // Contacted today with a follow-up ahead: what remains are actions (an older one may already be overdue).
    expect(['open_actions', 'overdue_actions']).toContain(rows[moved].urgency);

    // The member page shows the session and the open action.
    await page.goto(`/participants/${personId}?tab=mentoring`);
    await expect(page.getByTestId('session-row').first()).toContainText('Telepon');
    await expect(page.getByTestId('open-action').filter({ hasText: 'Urus NIB di OSS' })).toHaveCount(1);
    await expect(page.getByTestId('session-row').first().getByTestId('attachment')).toContainText('warung.png');
  });
});

test('a coordinator books a clinic slot, and booking a slot someone just took says so', async ({ page }) => {
  await logIn(page, demo.coordinatorSawangan);
  // Setup through the API: two afternoon slots at the Sawangan center the day after tomorrow (the demo clinic runs
  // in the mornings), so they are never in the past and never overlap.
  const me = (await (await page.request.get('/api/me')).json()) as { grants: { operatorId: string | null }[] };
  const operatorId = me.grants.find((g) => g.operatorId)?.operatorId;
  const centers = (await (await page.request.get(`/api/operators/${operatorId}/centers?pageSize=100`)).json()) as {
    items: { id: string; name: string }[];
  };
  const center = centers.items.find((c) => c.name.includes('Sawangan'));
  expect(center).toBeDefined();
  const date = dayFromToday(2);
  const created = await page.request.post('/api/clinic/slots', {
    data: { centerId: center?.id, date, from: '15:00', to: '16:00', minutes: 30 },
  });
  expect(created.status()).toBe(201);
  const listed = (await (
    await page.request.get(`/api/clinic/slots?centerId=${center?.id}&from=${date}&to=${date}`)
  ).json()) as { items: { id: string; startsAt: string }[] };
  // 15:00 and 15:30 WIB are 08:00 and 08:30 UTC.
  const ours = listed.items.filter((s) => /T08:(00|30):00/.test(s.startsAt)).map((s) => s.id);
  expect(ours).toHaveLength(2);
  const slot = (id: string) => page.locator(`[data-slot-id="${id}"]`);
  const people = (await (await page.request.get('/api/participants?pageSize=2&kecamatan=32.76.03')).json()) as {
    items: { id: string; fullName: string }[];
  };
  const [member, other] = people.items;

  await page.getByTestId('nav-clinic').click();
  await expect(page).toHaveURL(/\/mentoring\/clinic/);
  await page.goto(`/mentoring/clinic?centerId=${center?.id}&week=${date}`);
  await expect(slot(ours[0])).toHaveAttribute('data-state', 'free');
  await expect(slot(ours[1])).toHaveAttribute('data-state', 'free');

  // Book the first slot for a member, picked by typing their name.
  await slot(ours[0]).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('person-picker').fill(member.fullName.slice(0, 6));
  await page
    .getByRole('option', { name: new RegExp(`^${escapeRegExp(member.fullName)}`) })
    .first()
    .click();
  await dialog.getByTestId('book-submit').click();
  await expect(page.getByText('Slot dipesan')).toBeVisible();
  await expect(slot(ours[0])).toHaveAttribute('data-state', 'requested');
  await expect(slot(ours[0])).toContainText(member.fullName);

  // The second slot: while the coordinator fills in the form, a colleague books it.
  await slot(ours[1]).click();
  await dialog.getByTestId('person-picker').fill(other.fullName.slice(0, 6));
  await page
    .getByRole('option', { name: new RegExp(`^${escapeRegExp(other.fullName)}`) })
    .first()
    .click();
  const taken = await page.request.post('/api/clinic/bookings', { data: { slotId: ours[1], personId: member.id } });
  expect(taken.status()).toBe(201);
  await dialog.getByTestId('book-submit').click();
  await expect(dialog.getByTestId('booking-error')).toContainText('Slot ini sudah dipesan orang lain');
  // The message stays while the grid shows the booking that won; nothing else changed.
  await expect(slot(ours[1])).toHaveAttribute('data-state', 'requested');
  await expect(dialog.getByTestId('booking-error')).toBeVisible();
  const after = (await (
    await page.request.get(`/api/clinic/slots?centerId=${center?.id}&from=${date}&to=${date}`)
  ).json()) as { items: { id: string; booking: { personId: string } | null }[] };
  expect(after.items.find((s) => s.id === ours[1])?.booking?.personId).toBe(member.id);
});
