import { z } from 'zod';
import { zodText } from './error-codes.js';
import { parseNik } from './nik.js';
import { normalizePhone } from './phone.js';
import { regionCodePattern } from './regions.js';

/**
 * The participant vocabulary and the registration contract, shared by the API (validation, OpenAPI) and the web
 * forms, so both sides say the same thing about the same field.
 */

/** OK OCE's 7 PAS, in funnel order. */
export const stages = [
  { no: 1, key: 'pendaftaran', id: 'Pendaftaran', en: 'Registration' },
  { no: 2, key: 'pelatihan', id: 'Pelatihan', en: 'Training' },
  { no: 3, key: 'pendampingan', id: 'Pendampingan', en: 'Mentoring' },
  { no: 4, key: 'perizinan', id: 'Perizinan', en: 'Permits' },
  { no: 5, key: 'pemasaran', id: 'Pemasaran', en: 'Marketing' },
  { no: 6, key: 'pelaporan_keuangan', id: 'Pelaporan Keuangan', en: 'Financial reporting' },
  { no: 7, key: 'permodalan', id: 'Permodalan', en: 'Capital' },
] as const;
export type StageNo = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const stageStatuses = ['not_started', 'in_progress', 'done'] as const;
export type StageStatus = (typeof stageStatuses)[number];

export const personStatuses = ['applicant', 'member', 'inactive', 'merged'] as const;
export const selectionStatuses = [
  'applicant',
  'documents_checked',
  'interviewed',
  'accepted',
  'waitlisted',
  'rejected',
] as const;
export type SelectionStatus = (typeof selectionStatuses)[number];
/** Which selection step may follow which; a decision can be revisited from the waitlist. */
export const selectionTransitions: Record<SelectionStatus, readonly SelectionStatus[]> = {
  applicant: ['documents_checked', 'rejected'],
  documents_checked: ['interviewed', 'accepted', 'waitlisted', 'rejected'],
  interviewed: ['accepted', 'waitlisted', 'rejected'],
  waitlisted: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
};

export const businessStatuses = ['active', 'moved', 'paused', 'closed'] as const;
export const legalForms = ['perorangan', 'cv', 'pt', 'pt_perorangan', 'koperasi', 'firma', 'lainnya'] as const;
export const salesChannels = [
  'offline',
  'whatsapp',
  'instagram',
  'facebook',
  'tiktok',
  'marketplace',
  'reseller',
  'bazaar',
  'outlet',
  'other',
] as const;
export const documentKinds = ['ktp', 'kk', 'recommendation_letter', 'business_photo', 'other'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** NIK as people type it; refused with the reason a person understands (region existence is checked on the server). */
export const nikField = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const r = parseNik(v);
    if (!r.ok)
      ctx.addIssue({ code: 'custom', message: r.message.id, params: { problem: r.problem, en: r.message.en } });
  })
  .transform((v) => v.replace(/[\s.-]/g, ''));

export const phoneField = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!normalizePhone(v))
      ctx.addIssue({
        code: 'custom',
        message: zodText('Nomor HP tidak valid — contoh: 0812-3456-7890', 'Invalid phone number — e.g. 0812-3456-7890'),
      });
  })
  .transform((v) => normalizePhone(v)!);

export const villageCode = z
  .string()
  .regex(regionCodePattern)
  .refine((c) => c.split('.').length === 4, zodText('pilih desa/kelurahan', 'choose a village'));

/** A person's name keeps its spelling: no forced capitals ("bin", "binti"), apostrophes and dots allowed. */
export const personName = z
  .string()
  .trim()
  .min(2, zodText('nama minimal 2 huruf', 'the name needs at least 2 letters'))
  .max(150)
  .regex(
    /^[\p{L}\p{M}' .,-]+$/u,
    zodText(
      'nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung dan apostrof',
      'a name may only contain letters, spaces, dots, commas, hyphens and apostrophes',
    ),
  );

export const businessInput = z.object({
  name: text(200),
  kbli: z
    .string()
    .regex(/^\d{5}$/, zodText('KBLI 5 digit', 'KBLI has 5 digits'))
    .nullish(),
  productType: z.string().trim().max(200).nullish(),
  legalForm: z.enum(legalForms).nullish(),
  nib: z
    .string()
    .regex(/^\d{13}$/, zodText('NIB harus 13 digit', 'NIB must have 13 digits'))
    .nullish(),
  foundedOn: z.iso.date().nullish(),
  preVenture: z.boolean().default(false),
  address: z.string().trim().max(500).nullish(),
  villageCode: villageCode.nullish(),
  latitude: z.number().min(-11).max(6).nullish(),
  longitude: z.number().min(94).max(142).nullish(),
  employeesMale: z.number().int().min(0).max(10_000).default(0),
  employeesFemale: z.number().int().min(0).max(10_000).default(0),
  monthlyRevenue: z.number().int().min(0).max(100_000_000_000).nullish(),
  channels: z.array(z.enum(salesChannels)).max(salesChannels.length).default([]),
});
export type BusinessInput = z.infer<typeof businessInput>;

export const registrationInput = z.object({
  operatorId: z.uuid(),
  nik: nikField,
  fullName: personName,
  // Derived from the NIK; when given they must agree with it.
  sex: z.enum(['L', 'P']).optional(),
  birthDate: z.iso.date().optional(),
  phone: phoneField,
  email: z.email(zodText('email tidak valid', 'invalid email address')).max(254).nullish(),
  ktpAddress: z.string().trim().max(500).nullish(),
  domicileAddress: z.string().trim().max(500).nullish(),
  domicileVillageCode: villageCode,
  businesses: z.array(businessInput).min(1, zodText('isi minimal satu usaha', 'add at least one business')).max(10),
  trackId: z.uuid().optional(),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

/** The public self-registration form: no account, phone required, consent to data processing required (UU PDP). */
export const publicRegistrationInput = registrationInput.extend({
  consent: z.literal(true, {
    error: zodText('persetujuan pemrosesan data wajib dicentang', 'consent to data processing is required'),
  }),
});
