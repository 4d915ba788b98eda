/** Kemendagri region code levels: `PP` province, `PP.KK` kab/kota, `PP.KK.CC` kecamatan, `PP.KK.CC.DDDD` desa/kelurahan. */
export const regionLevels = { 1: 'province', 2: 'regency', 3: 'district', 4: 'village' } as const;
export type RegionLevel = keyof typeof regionLevels;

export const regionCodePattern = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function regionLevelOf(code: string): RegionLevel | undefined {
  if (!regionCodePattern.test(code)) return undefined;
  return code.split('.').length as RegionLevel;
}

export function parentRegionCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}
