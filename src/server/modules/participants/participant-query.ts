import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { EligibilityResult } from '../../../shared/eligibility.js';
import type { StageStatus } from '../../../shared/participants.js';
import { normalizePhone } from '../../../shared/phone.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { type Scope, scopeCondition } from '../access/access.js';
import { programs, tracks } from '../programs/programs.schema.js';
import { regions } from '../regions/regions.schema.js';
import { todayWib } from './journey.service.js';
import { businesses, enrollments, mentorAssignments, participantStages, people } from './participants.schema.js';
import { bornOnOrBefore, type ParticipantDetail, type Person, type RowExtras, toRow } from './presenters.js';

export type ParticipantQuery = {
  q?: string;
  operatorId?: string;
  kecamatan?: string;
  kelurahan?: string;
  programId?: string;
  trackId?: string;
  stage?: number;
  stageStatus?: StageStatus;
  status?: string;
  sex?: 'L' | 'P';
  ageMin?: number;
  ageMax?: number;
  kbli?: string;
  mentorId?: string;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt' | 'birthDate' | '-birthDate';
  page: number;
  pageSize: number;
};

/** What narrows the list, without paging or order (exports page by key). */
export type ParticipantFilters = Omit<ParticipantQuery, 'page' | 'pageSize' | 'sort'>;

const exists = (subquery: SQL) => sql`exists (${subquery})`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * `q` as staff type it: digits are a NIK (prefix) or a phone number; anything else is a name or business name,
 * matched by trigram word similarity so "Siti Nurhalisa" finds "Siti Nurhaliza". Word similarity (`%>`) rather than
 * plain `%`: search_text holds the business names too, and whole-string similarity fades as that text grows.
 */
/**
 * NIKs starting with these digits, as a range (`>= 3276 and < 3277`) rather than LIKE: LIKE cannot use the
 * (operator_id, nik) index under a non-C collation, a range on digit strings can.
 */
export function nikPrefix(digits: string): SQL {
  const next = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  // 9999… has no next prefix of the same length: everything from it upwards matches.
  if (next.length > digits.length) return sql`${people.nik} >= ${digits}`;
  return and(gte(people.nik, digits), lt(people.nik, next))!;
}

function searchOf(q: string): { where: SQL; rank?: SQL } {
  const digits = q.replace(/[\s.\-+]/g, '');
  const phone = normalizePhone(q);
  if (/^\d{4,16}$/.test(digits) || phone) {
    return {
      where: or(
        /^\d{4,16}$/.test(digits) ? nikPrefix(digits) : undefined,
        phone ? eq(people.phone, phone) : undefined,
      )!,
    };
  }
  const term = q.toLowerCase().replace(/\s+/g, ' ').trim();
  return {
    where: sql`(${people.searchText} %> ${term} or ${people.searchText} like ${`%${escapeLike(term)}%`})`,
    rank: sql`word_similarity(${term}, ${people.searchText}) desc`,
  };
}

/** The WHERE of the list and of its total: scope first, in SQL, so rows outside it are never loaded or counted. */
export function conditionsOf(scope: Scope, q: ParticipantFilters, today: string) {
  const search = q.q?.trim() ? searchOf(q.q.trim()) : undefined;
  const where = and(
    scopeCondition(scope, people.operatorId, people.domicileDistrictCode),
    q.operatorId ? eq(people.operatorId, q.operatorId) : undefined,
    // Merged records are the losing half of a merge: hidden unless asked for.
    q.status ? eq(people.status, q.status) : ne(people.status, 'merged'),
    q.kecamatan ? eq(people.domicileDistrictCode, q.kecamatan) : undefined,
    q.kelurahan ? eq(people.domicileVillageCode, q.kelurahan) : undefined,
    q.sex ? eq(people.sex, q.sex) : undefined,
    q.ageMin != null ? sql`${people.birthDate} <= ${bornOnOrBefore(q.ageMin, today)}` : undefined,
    q.ageMax != null ? sql`${people.birthDate} > ${bornOnOrBefore(q.ageMax + 1, today)}` : undefined,
    search?.where,
    q.trackId || q.programId
      ? exists(
          sql`select 1 from ${enrollments} inner join ${tracks} on ${tracks.id} = ${enrollments.trackId}
              where ${enrollments.personId} = ${people.id}
              ${q.trackId ? sql`and ${enrollments.trackId} = ${q.trackId}` : sql``}
              ${q.programId ? sql`and ${tracks.programId} = ${q.programId}` : sql``}`,
        )
      : undefined,
    q.stage ? stageCondition(q.stage, q.stageStatus) : undefined,
    q.kbli
      ? exists(
          sql`select 1 from ${businesses} where ${businesses.personId} = ${people.id} and ${businesses.kbli} like ${`${q.kbli}%`}`,
        )
      : undefined,
    q.mentorId
      ? exists(
          sql`select 1 from ${mentorAssignments} where ${mentorAssignments.personId} = ${people.id}
              and ${mentorAssignments.mentorUserId} = ${q.mentorId} and ${mentorAssignments.until} is null`,
        )
      : undefined,
  );
  return { where, rank: search?.rank };
}

/** Only reached stages are stored, so "not started" is the absence of a started row; no status means reached. */
function stageCondition(stage: number, status?: StageStatus): SQL {
  const row = (s: SQL) =>
    exists(
      sql`select 1 from ${participantStages} where ${participantStages.personId} = ${people.id}
          and ${participantStages.stage} = ${stage} and ${s}`,
    );
  if (status === 'not_started') return sql`not ${row(sql`${participantStages.status} <> 'not_started'`)}`;
  if (status) return row(sql`${participantStages.status} = ${status}`);
  return row(sql`${participantStages.status} <> 'not_started'`);
}

const orderOf: Record<NonNullable<ParticipantQuery['sort']>, SQL[]> = {
  name: [asc(people.fullName)],
  '-name': [desc(people.fullName)],
  createdAt: [asc(people.createdAt)],
  '-createdAt': [desc(people.createdAt)],
  birthDate: [asc(people.birthDate)],
  '-birthDate': [desc(people.birthDate)],
};

/** Region names, businesses, current stages and mentor of a page of people: one query each, never one per row. */
export async function extrasOf(db: DbOrTx, list: Person[]): Promise<Map<string, RowExtras>> {
  const ids = list.map((p) => p.id);
  if (ids.length === 0) return new Map();
  const codes = [...new Set(list.flatMap((p) => [p.domicileVillageCode, p.domicileDistrictCode]))];
  const [names, owned, reached, mentors] = await Promise.all([
    db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes)),
    db
      .select({
        id: businesses.id,
        personId: businesses.personId,
        name: businesses.name,
        kbli: businesses.kbli,
        status: businesses.status,
      })
      .from(businesses)
      .where(inArray(businesses.personId, ids))
      .orderBy(asc(businesses.createdAt), asc(businesses.id)),
    db
      .select({
        personId: participantStages.personId,
        stage: participantStages.stage,
        status: participantStages.status,
      })
      .from(participantStages)
      .where(inArray(participantStages.personId, ids)),
    db
      .select({ personId: mentorAssignments.personId, userId: user.id, name: user.name })
      .from(mentorAssignments)
      .innerJoin(user, eq(user.id, mentorAssignments.mentorUserId))
      .where(and(inArray(mentorAssignments.personId, ids), isNull(mentorAssignments.until)))
      .orderBy(desc(mentorAssignments.since)),
  ]);
  const nameOf = new Map(names.map((r) => [r.code, r.name]));
  return new Map(
    list.map((p) => {
      const mentor = mentors.find((m) => m.personId === p.id);
      return [
        p.id,
        {
          villageName: nameOf.get(p.domicileVillageCode) ?? null,
          districtName: nameOf.get(p.domicileDistrictCode) ?? null,
          businesses: owned.filter((b) => b.personId === p.id),
          stages: reached.filter((s) => s.personId === p.id),
          mentor: mentor ? { userId: mentor.userId, name: mentor.name } : null,
        },
      ];
    }),
  );
}

/**
 * The list counts at most this many matches: an exact count of a million rows costs half a second on every page,
 * while people filter long before they page that far. Past it the answer says `totalCapped` ("10.000+"); exact
 * figures at any size are the dashboards' job.
 */
export const TOTAL_CAP = 10_000;

export async function listParticipants(
  db: Db,
  scope: Scope,
  writeScope: Scope | null,
  q: ParticipantQuery,
  cap = TOTAL_CAP,
) {
  const today = todayWib();
  const { where, rank } = conditionsOf(scope, q, today);
  const order = q.sort ? orderOf[q.sort] : rank ? [rank] : orderOf['-createdAt'];
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(people)
      .where(where)
      .orderBy(...order, asc(people.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.execute(
      sql`select count(*)::int as total from (select 1 from ${people} where ${where} limit ${cap + 1}) counted`,
    ),
  ]);
  const counted = (total as unknown as { rows: Array<{ total: number }> }).rows[0].total;
  const extras = await extrasOf(db, rows);
  return {
    items: rows.map((p) => toRow(p, extras.get(p.id)!, writeScope, today)),
    total: Math.min(counted, cap),
    totalCapped: counted > cap,
  };
}

/** How many people the filters select inside the scope. */
export async function countParticipants(db: DbOrTx, scope: Scope, filters: ParticipantFilters, today = todayWib()) {
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(people)
    .where(conditionsOf(scope, filters, today).where);
  return total;
}

/**
 * The next `limit` people the filters select, in primary-key order after `afterId`. Keyset paging on the key's
 * index keeps a million-row export linear, where OFFSET would rescan every earlier page.
 */
export async function participantsAfter(
  db: DbOrTx,
  scope: Scope,
  filters: ParticipantFilters,
  page: { afterId: string | null; limit: number; today?: string },
): Promise<Person[]> {
  const { where } = conditionsOf(scope, filters, page.today ?? todayWib());
  return db
    .select()
    .from(people)
    .where(and(where, page.afterId ? gt(people.id, page.afterId) : undefined))
    .orderBy(asc(people.id))
    .limit(page.limit);
}

/** The full record of one person already checked to be in scope. */
export async function participantDetail(db: DbOrTx, p: Person, writeScope: Scope | null): Promise<ParticipantDetail> {
  const [extras, owned, applied, stageRows] = await Promise.all([
    extrasOf(db, [p]),
    db
      .select()
      .from(businesses)
      .where(eq(businesses.personId, p.id))
      .orderBy(asc(businesses.createdAt), asc(businesses.id)),
    db
      .select({
        id: enrollments.id,
        personId: enrollments.personId,
        trackId: enrollments.trackId,
        trackCode: tracks.code,
        trackName: tracks.name,
        programName: programs.name,
        status: enrollments.status,
        eligibility: enrollments.eligibility,
        quotaOverride: enrollments.quotaOverride,
        createdAt: enrollments.createdAt,
        decidedAt: enrollments.decidedAt,
      })
      .from(enrollments)
      .innerJoin(tracks, eq(tracks.id, enrollments.trackId))
      .innerJoin(programs, eq(programs.id, tracks.programId))
      .where(eq(enrollments.personId, p.id))
      .orderBy(asc(enrollments.createdAt), asc(enrollments.id)),
    db
      .select({ stage: participantStages.stage, status: participantStages.status, since: participantStages.since })
      .from(participantStages)
      .where(eq(participantStages.personId, p.id))
      .orderBy(asc(participantStages.stage)),
  ]);
  return {
    ...toRow(p, extras.get(p.id)!, writeScope),
    operatorId: p.operatorId,
    email: p.email,
    ktpAddress: p.ktpAddress,
    domicileAddress: p.domicileAddress,
    source: p.source,
    consentAt: p.consentAt,
    mergedInto: p.mergedInto,
    businesses: owned,
    enrollments: applied.map((e) => ({ ...e, eligibility: e.eligibility as EligibilityResult[] })),
    stageList: stageRows,
  };
}
