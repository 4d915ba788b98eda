import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { checkEligibility } from '../../../shared/eligibility.js';
import type { ImportRow } from '../../../shared/import/row-check.js';
import type { Database, DbOrTx, Tx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { inScope, type Scope } from '../access/access.js';
import { type Actor, actorId, actorName } from '../access/actor.js';
import { todayWib } from '../participants/journey.service.js';
import { businesses, people } from '../participants/participants.schema.js';
import type { tracks } from '../programs/programs.schema.js';
import { imports } from './imports.schema.js';

/** A row of the file after checking: what the batch writer decides about. */
export type CheckedRow =
  | { rowNo: number; cells: unknown[]; ok: true; row: ImportRow }
  | { rowNo: number; cells: unknown[]; ok: false; kind: 'rejected' | 'duplicate'; reasons: Reason[] };

/** Why a row was not imported; `en` is the English of `message` (absent in reports stored before it existed). */
export type Reason = {
  field: string;
  code: string;
  message: string;
  en?: string;
  candidates?: Array<{ code: string; name: string }>;
};

export type BatchOptions = {
  importId: string;
  operatorId: string;
  actor: Actor;
  mode: 'create' | 'upsert';
  dryRun: boolean;
  asMembers: boolean;
  track: typeof tracks.$inferSelect | null;
  /** The checkpoint the previous batch left; another runner having moved it stops this one. */
  previousCheckpoint: number;
  /** The sheet row number every row up to which is committed with this batch. */
  checkpointRow: number;
  /** Where the actor may import; people outside it are neither updated nor named. */
  scope: Scope;
};

type ValidRow = Extract<CheckedRow, { ok: true }>;
type Fresh = { id: string; r: ValidRow };
type Update = { r: ValidRow; before: Existing; changes: Record<string, string>; newBusiness: ImportRow['business'] };

export type Outcome = 'imported' | 'updated' | 'duplicate' | 'rejected';
export type BatchResult = Record<Outcome, number>;

type Existing = {
  id: string;
  nik: string;
  status: string;
  mergedInto: string | null;
  fullName: string;
  phone: string | null;
  email: string | null;
  ktpAddress: string | null;
  domicileAddress: string | null;
  domicileVillageCode: string;
  domicileDistrictCode: string;
};

const UPDATABLE = ['fullName', 'phone', 'email', 'ktpAddress', 'domicileAddress', 'domicileVillageCode'] as const;

const existingColumns = {
  id: people.id,
  nik: people.nik,
  status: people.status,
  mergedInto: people.mergedInto,
  fullName: people.fullName,
  phone: people.phone,
  email: people.email,
  ktpAddress: people.ktpAddress,
  domicileAddress: people.domicileAddress,
  domicileVillageCode: people.domicileVillageCode,
  domicileDistrictCode: people.domicileDistrictCode,
};

const duplicateElsewhere: Reason = {
  field: 'nik',
  code: 'exists_elsewhere',
  message: 'NIK sudah terdaftar di program ini, di luar wilayah tugas Anda',
  en: 'The NIK is already registered in this program, outside your assigned area',
};
const duplicateOfDb: Reason = {
  field: 'nik',
  code: 'exists',
  message: 'NIK sudah terdaftar di program ini',
  en: 'The NIK is already registered in this program',
};
const unchanged: Reason = {
  field: 'nik',
  code: 'unchanged',
  message: 'NIK sudah terdaftar dan datanya sama',
  en: 'The NIK is already registered with the same data',
};

/** Fields of an existing person the row would change (upsert): only what the row gives, only what differs. */
function changesOf(before: Existing, row: ImportRow): Partial<Record<(typeof UPDATABLE)[number], string>> {
  const changes: Partial<Record<(typeof UPDATABLE)[number], string>> = {};
  for (const key of UPDATABLE) {
    const value = row[key];
    if (value != null && value !== before[key]) changes[key] = value;
  }
  return changes;
}

const csvOf = (columns: string[], rows: unknown[][]) => stringify([columns, ...rows]);

export type Decision = { r: CheckedRow; kind: 'rejected' | 'duplicate'; reasons: Reason[]; existingId: string | null };
export type Classified = { fresh: Fresh[]; updates: Update[]; skipped: Decision[] };

/**
 * What becomes of each row of a batch, from the database as it is: new people, changes to people already there
 * (upsert, in the actor's scope), and the rows skipped with their reasons. Used by the import and by its preview.
 */
export async function classifyBatch(
  db: DbOrTx,
  rows: CheckedRow[],
  o: { operatorId: string; mode: 'create' | 'upsert'; scope: Scope },
): Promise<Classified> {
  const skipped: Decision[] = [];
  const valid: ValidRow[] = [];
  for (const r of rows) {
    if (r.ok) valid.push(r);
    else skipped.push({ r, kind: r.kind, reasons: r.reasons, existingId: null });
  }

  const known = new Map<string, Existing>();
  if (valid.length) {
    const found = await db
      .select(existingColumns)
      .from(people)
      .where(
        and(
          eq(people.operatorId, o.operatorId),
          inArray(
            people.nik,
            valid.map((r) => r.row.nik),
          ),
        ),
      );
    for (const p of found) known.set(p.nik, p);
  }
  const visible = (p: Existing) => inScope(o.scope, { operatorId: o.operatorId, regionCode: p.domicileDistrictCode });

  // Upsert adds a business the person does not have yet (by name); the others are left as they are.
  const ownedNames = new Map<string, Set<string>>();
  if (o.mode === 'upsert' && known.size) {
    const owned = await db
      .select({ personId: businesses.personId, name: businesses.name })
      .from(businesses)
      .where(
        inArray(
          businesses.personId,
          [...known.values()].map((p) => p.id),
        ),
      );
    for (const b of owned) {
      const names = ownedNames.get(b.personId) ?? new Set<string>();
      names.add(b.name.toLowerCase());
      ownedNames.set(b.personId, names);
    }
  }

  const fresh: Fresh[] = [];
  const updates: Update[] = [];
  for (const r of valid) {
    const before = known.get(r.row.nik);
    if (!before) {
      fresh.push({ id: randomUUID(), r });
      continue;
    }
    // Like the 409 of a registration: the existing record is named only when the actor may see it.
    const existingId = visible(before) ? (before.mergedInto ?? before.id) : null;
    if (o.mode === 'create' || before.status === 'merged' || !visible(before)) {
      skipped.push({
        r,
        kind: 'duplicate',
        reasons: [visible(before) ? duplicateOfDb : duplicateElsewhere],
        existingId,
      });
      continue;
    }
    const changes = changesOf(before, r.row);
    const business = r.row.business;
    const newBusiness = business && !ownedNames.get(before.id)?.has(business.name.toLowerCase()) ? business : null;
    if (Object.keys(changes).length === 0 && !newBusiness)
      skipped.push({ r, kind: 'duplicate', reasons: [unchanged], existingId });
    else updates.push({ r, before, changes, newBusiness });
  }
  return { fresh, updates, skipped };
}

/**
 * Decides and writes one batch of checked rows in the caller's transaction: known NIKs are looked up, new people are
 * COPY-loaded into a staging table and inserted with their business, stage 1, enrollment and audit entry in a few
 * set-based statements; upserts update only changed fields; rows not imported are recorded as issues; the counters
 * and the checkpoint move with them. A dry run decides the same and writes only the issues and counters.
 */
export async function writeBatch(database: Database, tx: Tx, rows: CheckedRow[], o: BatchOptions) {
  // The row lock also queues a second runner of the same import behind this batch, which then finds it moved on.
  const [current] = await tx
    .select({ checkpointRow: imports.checkpointRow })
    .from(imports)
    .where(eq(imports.id, o.importId))
    .for('update');
  if (current?.checkpointRow !== o.previousCheckpoint)
    throw new AppError('CONFLICT', {
      id: 'Impor ini sedang dijalankan oleh proses lain',
      en: 'This import is being run by another process',
    });
  const result: BatchResult = { imported: 0, updated: 0, duplicate: 0, rejected: 0 };
  const issues: unknown[][] = [];
  const issue = (d: Decision) => {
    result[d.kind === 'rejected' ? 'rejected' : 'duplicate']++;
    issues.push([o.importId, d.r.rowNo, d.kind, JSON.stringify(d.reasons), JSON.stringify(d.r.cells), d.existingId]);
  };
  const { fresh, updates, skipped } = await classifyBatch(tx, rows, o);
  skipped.forEach(issue);

  if (o.dryRun) {
    result.imported += fresh.length;
    result.updated += updates.length;
  } else {
    const inserted = await insertPeople(database, tx, fresh, o);
    for (const f of fresh) {
      if (inserted.has(f.id)) result.imported++;
      // Registered by someone else between the lookup and the insert.
      else issue({ r: f.r, kind: 'duplicate', reasons: [duplicateOfDb], existingId: null });
    }
    await updatePeople(tx, updates, o);
    result.updated += updates.length;
  }

  if (issues.length) {
    const columns = ['import_id', 'row_no', 'kind', 'reasons', 'cells', 'existing_person_id'];
    await database.copyCsv('import_issues', columns, csvOf(columns, issues), tx);
  }
  await tx
    .update(imports)
    .set({
      totalRows: sql`${imports.totalRows} + ${rows.length}`,
      imported: sql`${imports.imported} + ${result.imported}`,
      updated: sql`${imports.updated} + ${result.updated}`,
      duplicates: sql`${imports.duplicates} + ${result.duplicate}`,
      rejected: sql`${imports.rejected} + ${result.rejected}`,
      checkpointRow: o.checkpointRow,
      updatedAt: new Date(),
    })
    .where(eq(imports.id, o.importId));
  return result;
}

const STAGE_COLUMNS = [
  'id',
  'nik',
  'full_name',
  'sex',
  'birth_date',
  'phone',
  'email',
  'ktp_address',
  'domicile_address',
  'domicile_village_code',
  'domicile_district_code',
  'search_text',
  'business_id',
  'business_name',
  'kbli',
  'product_type',
  'legal_form',
  'nib',
  'founded_on',
  'employees_male',
  'employees_female',
  'monthly_revenue',
  'channels',
  'eligibility',
];

/**
 * New people through COPY into a temporary staging table, then set-based inserts into the real tables. Ids are made
 * here, so "which rows went in" is simply the ids the people insert returns (a NIK registered meanwhile is skipped).
 */
async function insertPeople(database: Database, tx: Tx, fresh: Fresh[], o: BatchOptions): Promise<Set<string>> {
  if (fresh.length === 0) return new Set();
  const today = todayWib();
  const lines = fresh.map(({ id, r: { row } }) => {
    const b = row.business;
    const eligibility = o.track ? JSON.stringify(checkEligibility(o.track, row, { today, documents: [] })) : null;
    return [
      id,
      row.nik,
      row.fullName,
      row.sex,
      row.birthDate,
      row.phone,
      row.email,
      row.ktpAddress,
      row.domicileAddress,
      row.domicileVillageCode,
      row.domicileDistrictCode,
      [row.fullName, b?.name].filter(Boolean).join(' ').toLowerCase(),
      b ? randomUUID() : null,
      b?.name ?? null,
      b?.kbli ?? null,
      b?.productType ?? null,
      b?.legalForm ?? null,
      b?.nib ?? null,
      b?.foundedOn ?? null,
      b?.employeesMale ?? 0,
      b?.employeesFemale ?? 0,
      b?.monthlyRevenue ?? null,
      b ? `{${b.channels.join(',')}}` : null,
      eligibility,
    ];
  });
  await tx.execute(sql`create temp table import_stage (
      id uuid, nik text, full_name text, sex text, birth_date date, phone text, email text, ktp_address text,
      domicile_address text, domicile_village_code text, domicile_district_code text, search_text text,
      business_id uuid, business_name text, kbli text, product_type text, legal_form text, nib text, founded_on date,
      employees_male int, employees_female int, monthly_revenue bigint, channels text[], eligibility jsonb
    ) on commit drop`);
  await database.copyCsv('import_stage', STAGE_COLUMNS, csvOf(STAGE_COLUMNS, lines), tx);

  const by = actorId(o.actor);
  const personStatus = o.asMembers ? 'member' : 'applicant';
  const inserted = (await tx.execute(sql`
    insert into people (id, operator_id, nik, full_name, sex, birth_date, phone, email, ktp_address, domicile_address,
      domicile_village_code, domicile_district_code, status, source, search_text, registered_by)
    select id, ${o.operatorId}, nik, full_name, sex, birth_date, phone, email, ktp_address, domicile_address,
      domicile_village_code, domicile_district_code, ${personStatus}, 'import', search_text, ${by}
    from import_stage
    on conflict (operator_id, nik) do nothing
    returning id`)) as unknown as { rows: Array<{ id: string }> };
  const ids = new Set(inserted.rows.map((r) => r.id));
  if (ids.size === 0) return ids;
  // Only rows whose person went in: their fresh ids exist in people now.
  const mine = sql`exists (select 1 from people p where p.id = s.id)`;

  await tx.execute(sql`
    insert into businesses (id, operator_id, person_id, name, kbli, product_type, legal_form, nib, founded_on,
      employees_male, employees_female, monthly_revenue, channels, status_since)
    select business_id, ${o.operatorId}, id, business_name, kbli, product_type, legal_form, nib, founded_on,
      employees_male, employees_female, monthly_revenue, channels, ${today}::date
    from import_stage s where business_id is not null and ${mine}`);
  const stageStatus = o.asMembers ? 'done' : 'in_progress';
  await tx.execute(sql`
    insert into stage_events (operator_id, person_id, stage, status, occurred_on, note, source, recorded_by)
    select ${o.operatorId}, id, 1, ${stageStatus}, ${today}::date, ${`impor ${o.importId}`}, 'import', ${by}
    from import_stage s where ${mine}`);
  await tx.execute(sql`
    insert into participant_stages (operator_id, person_id, stage, status, since, updated_by)
    select ${o.operatorId}, id, 1, ${stageStatus}, ${today}::date, ${by} from import_stage s where ${mine}`);
  if (o.track) {
    const status = o.asMembers ? 'accepted' : 'applicant';
    await tx.execute(sql`
      with enrolled as (
        insert into enrollments (operator_id, person_id, track_id, status, eligibility, decided_at)
        select ${o.operatorId}, id, ${o.track.id}, ${status}, eligibility, ${o.asMembers ? sql`now()` : sql`null`}
        from import_stage s where ${mine}
        returning id)
      insert into selection_events (operator_id, enrollment_id, from_status, to_status, notes, decided_by)
      select ${o.operatorId}, id, null, ${status}, ${`impor ${o.importId}`}, ${by} from enrolled`);
  }
  // One trail entry per person, as a registration by hand would leave (the NIK masked).
  await tx.execute(sql`
    insert into audit_log (actor_id, actor_name, operator_id, action, entity, entity_id, changes, request_id, reason)
    select ${by}, ${actorName(o.actor)}, ${o.operatorId}, 'create', 'participant', id::text,
      jsonb_build_object(
        'fullName', jsonb_build_object('after', full_name),
        'nikMasked', jsonb_build_object('after', overlay(nik placing 'xxxxxxxx' from 5 for 8)),
        'domicileVillageCode', jsonb_build_object('after', domicile_village_code),
        'source', jsonb_build_object('after', 'import'),
        'importId', jsonb_build_object('after', ${o.importId}::text)),
      ${o.actor.requestId ?? null}, ${`impor ${o.importId}`}
    from import_stage s where ${mine}`);
  return ids;
}

/**
 * Upserts: one set-based UPDATE of the fields that differ (a field the row leaves empty is kept), the new businesses,
 * the search text, and an audit entry per person with each changed field before and after.
 */
async function updatePeople(tx: Tx, updates: Update[], o: BatchOptions) {
  if (updates.length === 0) return;
  const by = actorId(o.actor);
  const today = todayWib();
  const rows = updates.map(({ before, changes, r, newBusiness }) => {
    const set = { ...changes } as Record<string, string>;
    if (changes.domicileVillageCode) set.domicileDistrictCode = r.row.domicileDistrictCode;
    const diff: Record<string, unknown> = Object.fromEntries(
      Object.keys(set).map((k) => [k, { before: before[k as keyof Existing] ?? null, after: set[k] }]),
    );
    if (newBusiness) diff.business = { after: newBusiness.name };
    return { id: before.id, set, diff };
  });
  const added = updates.filter((u) => u.newBusiness);
  if (added.length)
    await tx.insert(businesses).values(
      added.map(({ before, newBusiness: b }) => ({
        ...b!,
        operatorId: o.operatorId,
        personId: before.id,
        statusSince: today,
      })),
    );
  const json = JSON.stringify(rows.map((u) => ({ id: u.id, ...snake(u.set) })));
  // Columns absent from a row's JSON come out null, and coalesce keeps the stored value.
  await tx.execute(sql`
    update people p set
      full_name = coalesce(u.full_name, p.full_name), phone = coalesce(u.phone, p.phone),
      email = coalesce(u.email, p.email), ktp_address = coalesce(u.ktp_address, p.ktp_address),
      domicile_address = coalesce(u.domicile_address, p.domicile_address),
      domicile_village_code = coalesce(u.domicile_village_code, p.domicile_village_code),
      domicile_district_code = coalesce(u.domicile_district_code, p.domicile_district_code),
      updated_at = now()
    from json_to_recordset(${json}::json) as u(id uuid, full_name text, phone text, email text, ktp_address text,
      domicile_address text, domicile_village_code text, domicile_district_code text)
    where p.id = u.id`);
  const ids = rows.map((u) => u.id);
  await tx
    .update(people)
    .set({
      searchText: sql`lower(${people.fullName} || coalesce(' ' || (select string_agg(b.name, ' ' order by b.created_at, b.id) from ${businesses} b where b.person_id = ${people.id}), ''))`,
    })
    .where(inArray(people.id, ids));
  const audit = JSON.stringify(rows.map((u) => ({ id: u.id, changes: u.diff })));
  await tx.execute(sql`
    insert into audit_log (actor_id, actor_name, operator_id, action, entity, entity_id, changes, request_id, reason)
    select ${by}, ${actorName(o.actor)}, ${o.operatorId}, 'update', 'participant', a.id, a.changes,
      ${o.actor.requestId ?? null}, ${`impor ${o.importId}`}
    from json_to_recordset(${audit}::json) as a(id text, changes jsonb)`);
}

const snake = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
