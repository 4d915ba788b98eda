import { z } from 'zod';
import { zodText } from './error-codes.js';

/**
 * The training vocabulary and the request shapes of the trainings API, shared by the server (validation, OpenAPI)
 * and the web forms, so that both refuse the same input with the same words.
 */

export const courseLevels = ['dasar', 'menengah', 'lanjut'] as const;
export type CourseLevel = (typeof courseLevels)[number];

export const waveModes = ['offline', 'online'] as const;
export type WaveMode = (typeof waveModes)[number];

/** scheduled → closed (completions decided) or cancelled. */
export const waveStatuses = ['scheduled', 'cancelled', 'closed'] as const;
export type WaveStatus = (typeof waveStatuses)[number];

export const enrollmentStatuses = ['enrolled', 'waitlisted', 'cancelled', 'completed', 'not_completed'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];
/** Statuses that hold a seat of the wave's capacity: a member who completed early is still in the room. */
export const seatStatuses: readonly EnrollmentStatus[] = ['enrolled', 'completed', 'not_completed'];
/** Statuses of someone who is in the wave, for "already enrolled". */
export const activeStatuses: readonly EnrollmentStatus[] = ['enrolled', 'waitlisted', 'completed', 'not_completed'];

export const enrollmentSources = ['staff', 'self'] as const;

/** member_qr: staff scanned the member's card; session_qr: the member scanned the day's QR; manual: staff chose. */
export const checkInMethods = ['member_qr', 'session_qr', 'manual'] as const;
export type CheckInMethod = (typeof checkInMethods)[number];

/** Minutes after a session's start before a check-in counts as late. */
export const LATE_AFTER_MINUTES = 15;

/** Course topics, the words Depok's and OK OCE's curricula use. */
export const courseTopics = [
  { key: 'kewirausahaan', id: 'Kewirausahaan', en: 'Entrepreneurship' },
  { key: 'keuangan', id: 'Keuangan & pembukuan', en: 'Finance & bookkeeping' },
  { key: 'pemasaran', id: 'Pemasaran', en: 'Marketing' },
  { key: 'digital', id: 'Pemasaran digital', en: 'Digital marketing' },
  { key: 'desain', id: 'Desain & logo', en: 'Design & logo' },
  { key: 'kemasan', id: 'Kemasan', en: 'Packaging' },
  { key: 'produksi', id: 'Produksi & mutu', en: 'Production & quality' },
  { key: 'perizinan', id: 'Perizinan (NIB, PIRT, halal)', en: 'Permits (NIB, PIRT, halal)' },
  { key: 'layanan', id: 'Layanan pelanggan', en: 'Customer service' },
  { key: 'permodalan', id: 'Permodalan', en: 'Access to capital' },
  { key: 'ekspor', id: 'Ekspor', en: 'Export' },
] as const;
export const courseTopicKeys = courseTopics.map((t) => t.key) as [
  (typeof courseTopics)[number]['key'],
  ...(typeof courseTopics)[number]['key'][],
];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** `08:30`, 24-hour, WIB. */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const timeOfDay = z
  .string()
  .regex(TIME, zodText('jam harus berbentuk JJ:MM, contoh 08:30', 'a time looks like 08:30'));

export const materialLink = z.object({
  kind: z.literal('link'),
  title: text(200),
  url: z.url({
    protocol: /^https?$/,
    error: zodText('tautan harus diawali http(s)://', 'a link starts with http(s)://'),
  }),
});

export const courseInput = z.object({
  operatorId: z.uuid(),
  title: text(200),
  description: optionalText(5000),
  topics: z
    .array(z.enum(courseTopicKeys))
    .min(1, zodText('pilih minimal satu topik', 'choose at least one topic'))
    .max(courseTopics.length),
  level: z.enum(courseLevels),
  hours: z
    .number()
    .positive(zodText('jumlah jam harus lebih dari 0', 'the hours must be more than 0'))
    .max(999, zodText('jumlah jam paling banyak 999', 'at most 999 hours'))
    .multipleOf(0.5, zodText('jam dalam kelipatan setengah', 'hours in halves')),
  materials: z.array(materialLink).max(50).default([]),
});
export type CourseInput = z.infer<typeof courseInput>;

export const coursePatch = courseInput
  .omit({ operatorId: true, materials: true })
  .partial()
  .extend({
    active: z.boolean().optional(),
    // Replaces the links; uploaded files are kept (they are removed one by one).
    materials: z.array(materialLink).max(50).optional(),
  });
export type CoursePatch = z.infer<typeof coursePatch>;

export const sessionInput = z.object({
  date: z.iso.date(),
  startsAt: timeOfDay,
  endsAt: timeOfDay,
  topic: optionalText(200),
});

const waveFields = {
  name: text(200),
  mode: z.enum(waveModes),
  centerId: z.uuid().nullish(),
  venueName: optionalText(200),
  venueAddress: optionalText(500),
  onlineUrl: z
    .url({ protocol: /^https?$/, error: zodText('tautan harus diawali http(s)://', 'a link starts with http(s)://') })
    .max(500)
    .nullish(),
  trainerUserId: z.string().trim().min(1).max(100).nullish(),
  trainerName: optionalText(150),
  capacity: z
    .number()
    .int()
    .min(1, zodText('kapasitas minimal 1', 'the capacity is at least 1'))
    .max(10_000, zodText('kapasitas paling banyak 10.000', 'the capacity is at most 10,000')),
  registrationDeadline: z.iso.date().nullish(),
  requiredDays: z.number().int().min(1).max(30).nullish(),
};

export const waveInput = z
  .object({
    operatorId: z.uuid(),
    courseId: z.uuid(),
    ...waveFields,
    programId: z.uuid().nullish(),
    trackId: z.uuid().nullish(),
    districtCodes: z
      .array(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, zodText('pilih kecamatan', 'choose a district')))
      .max(100)
      .default([]),
    sessions: z
      .array(sessionInput)
      .min(1, zodText('isi minimal satu hari pelatihan', 'add at least one training day'))
      .max(30, zodText('paling banyak 30 hari pelatihan', 'at most 30 training days')),
  })
  .superRefine((w, ctx) => {
    for (const issue of waveProblems(w)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type WaveInput = z.infer<typeof waveInput>;

export const wavePatch = z
  .object({
    ...waveFields,
    status: z.literal('cancelled'),
  })
  .partial()
  .superRefine((w, ctx) => {
    if (w.mode === 'online' && w.onlineUrl === null)
      ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: onlineUrlRequired });
  });
export type WavePatch = z.infer<typeof wavePatch>;

const onlineUrlRequired = zodText('isi tautan kelas daring', 'give the link of the online class');
const placeRequired = zodText('isi sentra atau nama tempat pelatihan', 'choose a center or name the venue');

/** The rules across fields of a new wave (place, days, deadline, required days), as zod issues. */
export function waveProblems(w: {
  mode: WaveMode;
  centerId?: string | null;
  venueName?: string | null;
  onlineUrl?: string | null;
  registrationDeadline?: string | null;
  requiredDays?: number | null;
  sessions: Array<{ date: string; startsAt: string; endsAt: string }>;
}): Array<{ path: PropertyKey[]; message: string }> {
  const issues: Array<{ path: PropertyKey[]; message: string }> = [];
  if (w.mode === 'online' && !w.onlineUrl) issues.push({ path: ['onlineUrl'], message: onlineUrlRequired });
  if (w.mode === 'offline' && !w.centerId && !w.venueName) issues.push({ path: ['venueName'], message: placeRequired });
  const seen = new Set<string>();
  w.sessions.forEach((s, i) => {
    if (seen.has(s.date))
      issues.push({
        path: ['sessions', i, 'date'],
        message: zodText('tanggal ini sudah ada di hari lain', 'this date is already another day'),
      });
    seen.add(s.date);
    // Zod runs this even when a time is malformed (its own issue is reported); compare well-formed times only.
    if (TIME.test(s.startsAt) && TIME.test(s.endsAt) && s.endsAt <= s.startsAt)
      issues.push({
        path: ['sessions', i, 'endsAt'],
        message: zodText('jam selesai harus sesudah jam mulai', 'the end time must be after the start time'),
      });
  });
  if (w.requiredDays != null && w.requiredDays > w.sessions.length)
    issues.push({
      path: ['requiredDays'],
      message: zodText(
        'hari wajib hadir tidak boleh lebih dari jumlah hari pelatihan',
        'the required days cannot exceed the number of training days',
      ),
    });
  const first = w.sessions.map((s) => s.date).sort()[0];
  if (w.registrationDeadline && first && DATE.test(w.registrationDeadline) && w.registrationDeadline > first)
    issues.push({
      path: ['registrationDeadline'],
      message: zodText(
        'batas pendaftaran paling lambat hari pertama pelatihan',
        'the registration deadline is on or before the first training day',
      ),
    });
  return issues;
}

export const waveQuery = z.object({
  operatorId: z.uuid().optional(),
  courseId: z.uuid().optional(),
  status: z.enum(waveStatuses).optional(),
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  districtCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type WaveQuery = z.infer<typeof waveQuery>;

export const enrollInput = z.object({
  personIds: z
    .array(z.uuid())
    .min(1, zodText('pilih minimal satu peserta', 'choose at least one participant'))
    .max(1000, zodText('paling banyak 1000 peserta sekaligus', 'at most 1000 participants at once')),
});

/** Staff check a member in by the QR on their card, or by choosing them (manual). */
export const checkInInput = z.union([
  z.object({ memberCode: z.string().trim().min(1).max(300), sessionId: z.uuid().optional() }),
  z.object({ personId: z.uuid(), sessionId: z.uuid().optional() }),
]);
export type CheckInInput = z.infer<typeof checkInInput>;

export const selfCheckInInput = z.object({ code: z.string().trim().min(1).max(300) });

/** A check-in is late when it comes more than 15 minutes after the session's start, both read in WIB. */
export function isLate(checkedInAt: Date, session: { date: string; startsAt: string }): boolean {
  const [h, m] = session.startsAt.split(':').map(Number);
  // WIB is UTC+7 all year (no daylight saving), so the start in UTC is a fixed shift.
  const startUtc = Date.parse(`${session.date}T00:00:00Z`) + ((h - 7) * 60 + m) * 60_000;
  return checkedInAt.getTime() > startUtc + LATE_AFTER_MINUTES * 60_000;
}

/** `SNTR-2026-000123`: the year of issue and a running number within that year. */
export function certificateSerial(year: number, n: number): string {
  return `SNTR-${year}-${String(n).padStart(6, '0')}`;
}

/** Completed over decided (completed + not completed); null while nobody has been decided. */
export function completionRate(completed: number, notCompleted: number): number | null {
  const decided = completed + notCompleted;
  return decided === 0 ? null : completed / decided;
}

/** `2026-03-10` → `10 Maret 2026` (certificates and messages spell the month out). */
export function longDate(date: string, locale: 'id' | 'en' = 'id'): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The days of a wave as people say them: `10 Maret 2026`, `10–12 Maret 2026`, `30 Maret – 2 April 2026`. */
export function dateRange(from: string, to: string, locale: 'id' | 'en' = 'id'): string {
  if (from === to) return longDate(from, locale);
  const [a, b] = [longDate(from, locale), longDate(to, locale)];
  const [ad, am, ay] = a.split(' ');
  const [bd, bm, by] = b.split(' ');
  if (ay === by && am === bm) return `${ad}–${bd} ${bm} ${by}`;
  if (ay === by) return `${ad} ${am} – ${bd} ${bm} ${by}`;
  return `${a} – ${b}`;
}

/** Whom a wave is for: its kecamatan (none listed: all), and the program and track of the member's acceptance. */
export function inAudience(
  wave: { districtCodes: string[]; programId: string | null; trackId: string | null },
  member: { districtCode: string; programIds: string[]; trackIds: string[] },
): boolean {
  return (
    (wave.districtCodes.length === 0 || wave.districtCodes.includes(member.districtCode)) &&
    (wave.programId === null || member.programIds.includes(wave.programId)) &&
    (wave.trackId === null || member.trackIds.includes(wave.trackId))
  );
}

/** Members may enroll themselves in a scheduled wave up to its deadline (without one: up to its first day). */
export function registrationOpen(
  wave: { status: string; registrationDeadline: string | null; startsOn: string },
  today: string,
): boolean {
  return wave.status === 'scheduled' && today <= (wave.registrationDeadline ?? wave.startsOn);
}
