import { index, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** Kemendagri administrative regions (code `PP.KK.CC.DDDD`), shared reference data for every operator. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    // 1 province, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
  },
  (t) => [index('regions_parent_code_idx').on(t.parentCode, t.name)],
);
