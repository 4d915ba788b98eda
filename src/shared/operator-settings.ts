import { z } from 'zod';
import { zodText } from './error-codes.js';

/**
 * The rules an operator sets for itself, stored as `operators.settings` and read through `settingsOf`, which fills in
 * the defaults below: a new operator works without configuring anything.
 */

/** A kind of permit or certificate a business can hold; `key` is stored on each permit. */
export type PermitType = { key: string; label: string; expires: boolean };

/** The permits the UMKM programs help with; an operator may add its own or rename these. */
export const defaultPermitTypes: PermitType[] = [
  { key: 'nib', label: 'NIB', expires: false },
  { key: 'pirt', label: 'PIRT', expires: true },
  { key: 'halal', label: 'Sertifikat Halal', expires: true },
  { key: 'bpom_md', label: 'BPOM MD', expires: true },
  { key: 'bpom_ml', label: 'BPOM ML', expires: true },
  { key: 'hki', label: 'HKI (Merek)', expires: true },
  { key: 'sni', label: 'SNI', expires: true },
  { key: 'npwp', label: 'NPWP', expires: false },
];

const permitType = z.object({
  key: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9_]{1,29}$/,
      zodText('kode huruf kecil, angka atau _', 'a key of lower-case letters, digits or _'),
    ),
  label: z.string().trim().min(2, zodText('nama minimal 2 huruf', 'a name needs 2 letters')).max(60),
  expires: z.boolean(),
});

export const operatorSettingsSchema = z.object({
  permitTypes: z
    .array(permitType)
    .min(1, zodText('minimal satu jenis izin', 'at least one permit type'))
    .max(40)
    .refine((list) => new Set(list.map((p) => p.key)).size === list.length, {
      message: zodText('kode jenis izin tidak boleh kembar', 'permit type keys must be unique'),
    }),
  /** Days before a permit's expiry that its owner and their mentor are reminded. */
  permitReminderDays: z.number().int().min(1).max(365),
  /** The day of the month by which last month's report is due; members who have not reported by then are reminded. */
  reportDueDay: z.number().int().min(1).max(28),
});
export type OperatorSettings = z.infer<typeof operatorSettingsSchema>;

export const defaultOperatorSettings: OperatorSettings = {
  permitTypes: defaultPermitTypes,
  permitReminderDays: 60,
  reportDueDay: 10,
};

/** The operator's settings with the defaults for whatever it has not set (stored values that no longer parse are ignored). */
export function settingsOf(stored: unknown): OperatorSettings {
  const partial = operatorSettingsSchema.partial().safeParse(stored ?? {});
  return { ...defaultOperatorSettings, ...(partial.success ? partial.data : {}) };
}
