import { and, asc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import { parentRegionCode } from '../../../shared/regions.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { regions } from './regions.schema.js';

export type Region = typeof regions.$inferSelect;

/** Every ancestor code of a region, province first: `32.76.03.1001` → `32`, `32.76`, `32.76.03`. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let p = parentRegionCode(code); p; p = parentRegionCode(p)) out.unshift(p);
  return out;
}

const withinCondition = (prefixes: string[]) =>
  or(...prefixes.flatMap((p) => [eq(regions.code, p), like(regions.code, `${p}.%`)]));

/** Reference data: readable by anyone, including the public registration form. */
export function makeRegionsService(db: Db) {
  return {
    async children(parent: string | null, opts: { within?: string[] } = {}) {
      const where = and(
        parent ? eq(regions.parentCode, parent) : eq(regions.level, 1),
        opts.within?.length ? withinOrAncestor(opts.within) : undefined,
      );
      const items = await db.select().from(regions).where(where).orderBy(asc(regions.name));
      return { items, total: items.length };
    },

    /** Name search, most relevant first: exact, then prefix, then substring (also ignoring spaces: "pancoranmas"). */
    async search(q: string, opts: { level?: number; within?: string[]; limit?: number } = {}) {
      const term = q.trim().replace(/^(kec\.?|kecamatan|kel\.?|kelurahan|desa|kab\.?|kabupaten|kota)\s+/i, '');
      const squeezed = term.replace(/\s+/g, '').toLowerCase();
      const where = and(
        or(
          ilike(regions.name, `%${escapeLike(term)}%`),
          sql`replace(lower(${regions.name}), ' ', '') like ${`%${escapeLike(squeezed)}%`}`,
        ),
        opts.level ? eq(regions.level, opts.level) : undefined,
        opts.within?.length ? withinCondition(opts.within) : undefined,
      );
      const rank = sql`case when lower(${regions.name}) = ${term.toLowerCase()} then 0 when lower(${regions.name}) like ${`${escapeLike(term.toLowerCase())}%`} then 1 else 2 end`;
      const limit = opts.limit ?? 25;
      const [items, [{ total }]] = await Promise.all([
        db.select().from(regions).where(where).orderBy(rank, asc(regions.level), asc(regions.name)).limit(limit),
        db.select({ total: sql<number>`count(*)::int` }).from(regions).where(where),
      ]);
      return { items, total };
    },

    async get(code: string) {
      const codes = [...ancestorCodes(code), code];
      const rows = await db.select().from(regions).where(inArray(regions.code, codes)).orderBy(asc(regions.level));
      const region = rows.find((r) => r.code === code);
      if (!region) throw AppError.notFound({ id: 'Wilayah', en: 'Region' });
      return {
        ...region,
        ancestors: rows.filter((r) => r.code !== code).map(({ code, level, name }) => ({ code, level, name })),
      };
    },

    /** code → name for a set of codes (labels for scopes, service areas and centers). */
    async names(codes: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(codes)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({ code: regions.code, name: regions.name, level: regions.level })
        .from(regions)
        .where(inArray(regions.code, unique));
      return new Map(rows.map((r) => [r.code, r.level === 3 ? `Kec. ${r.name}` : r.name]));
    },

    /** Codes (of any level) that do not exist in the reference data. */
    async unknownCodes(codes: string[]): Promise<string[]> {
      const unique = [...new Set(codes)];
      if (unique.length === 0) return [];
      const rows = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, unique));
      const found = new Set(rows.map((r) => r.code));
      return unique.filter((c) => !found.has(c));
    },
  };
}

// Children listing restricted to an area keeps the ancestors of the area too, so a picker can walk down to it.
function withinOrAncestor(prefixes: string[]) {
  const ancestors = prefixes.flatMap(ancestorCodes);
  return or(withinCondition(prefixes), ancestors.length ? inArray(regions.code, ancestors) : undefined);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type RegionsService = ReturnType<typeof makeRegionsService>;
