import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { regionWithin } from '../../../shared/access.js';
import { checkEligibility } from '../../../shared/eligibility.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import type { Services } from '../../services.js';
import { roleAssignments } from '../access/access.schema.js';
import { systemActor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  businesses,
  businessStatusEvents,
  enrollments,
  mentorAssignments,
  participantStages,
  people,
  selectionEvents,
  stageEvents,
} from '../participants/participants.schema.js';
import { generateActivity, generateIdentities, type Places, prng } from './demo-generator.js';
import { kecamatanWeights, otherNikRegencies } from './demo-names.js';
import { ensureProgram, PROGRAM_START } from './demo-program.js';

export type DemoMembersOptions = { operatorId: string; count?: number; seed?: number; today?: string };

async function loadPlaces(services: Services): Promise<Places> {
  const villages = new Map<string, string[]>();
  for (const district of Object.keys(kecamatanWeights)) {
    const { items } = await services.regions.children(district);
    villages.set(district, items.map((v) => v.code).sort());
  }
  const otherDistricts: string[] = [];
  for (const regency of otherNikRegencies) {
    otherDistricts.push(...(await services.regions.children(regency)).items.map((d) => d.code));
  }
  return { villages, otherDistricts: otherDistricts.sort() };
}

/**
 * Bulk insert through one JSON parameter per 5,000 rows that PostgreSQL turns into rows: several times faster than
 * multi-row VALUES (less to build and parse) and, unlike COPY, inside the transaction on PGlite too. `onConflict`
 * skips people whose NIK the operator already has; the ids inserted are answered.
 */
async function insertAll(
  tx: DbOrTx,
  table: PgTable,
  rows: Array<Record<string, unknown>>,
  onConflict?: SQL,
): Promise<string[]> {
  const inserted: string[] = [];
  if (rows.length === 0) return inserted;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]);
  const names = keys.map((k) => columns[k].name);
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += 5000) {
    const json = JSON.stringify(
      rows.slice(i, i + 5000).map((row) => Object.fromEntries(keys.map((k, j) => [names[j], row[k]]))),
    );
    const result = await tx.execute(
      sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${json}::json) ${onConflict ?? sql``}`,
    );
    // Both drivers answer `{ rows }`.
    if (onConflict) inserted.push(...(result as { rows: Array<{ id: string }> }).rows.map((r) => r.id));
  }
  return inserted;
}

/**
 * Realistic members for the demo operator (default 2,000): Indonesian names, valid NIKs, Depok domiciles spread by
 * kecamatan size, businesses with KBLI codes, applications to WUB and Perempuan Pengusaha with their selection
 * history, and 7 PAS stages shaped like a real funnel. Deterministic per seed; skipped when the operator already
 * has `count` people.
 */
export async function seedDemoMembers(db: Db, services: Services, options: DemoMembersOptions) {
  const { operatorId, count = 2000, seed = 2024 } = options;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const actor = systemActor('seed-demo');
  const { tracks } = await ensureProgram(services, actor, operatorId, Number(today.slice(0, 4)));
  const [{ existing }] = await db
    .select({ existing: sql<number>`count(*)::int` })
    .from(people)
    .where(eq(people.operatorId, operatorId));
  if (existing >= count) return { members: existing, created: 0 };

  const places = await loadPlaces(services);
  const identities = generateIdentities(seed, count, places, PROGRAM_START);
  const r = prng(seed ^ 0x5eed);
  const members = identities.map((who) => ({
    id: randomUUID(),
    who,
    what: generateActivity(r, who, { start: PROGRAM_START, today }),
  }));
  const mentors = await db
    .select({ userId: roleAssignments.userId, prefix: roleAssignments.regionPrefix })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.operatorId, operatorId), eq(roleAssignments.role, 'mentor')));

  const created = await db.transaction(async (tx) => {
    const inserted = new Set(
      await insertAll(
        tx,
        people,
        members.map(({ id, who, what }) => ({
          id,
          operatorId,
          nik: who.nik,
          fullName: who.fullName,
          sex: who.sex,
          birthDate: who.birthDate,
          phone: who.phone,
          email: who.email,
          ktpAddress: who.address,
          domicileAddress: who.address,
          domicileVillageCode: who.villageCode,
          domicileDistrictCode: who.districtCode,
          status: what.personStatus,
          source: what.source,
          consentAt: what.source === 'public' ? what.createdAt : null,
          consentVersion: what.source === 'public' ? 'v1' : null,
          searchText: [who.fullName, ...what.businesses.map((b) => b.name)].join(' ').toLowerCase(),
          createdAt: what.createdAt,
          updatedAt: what.createdAt,
        })),
        // A NIK someone registered by hand keeps its record; the generated twin is skipped.
        sql`on conflict (operator_id, nik) do nothing returning id`,
      ),
    );
    const fresh = members.filter((m) => inserted.has(m.id));
    const owned = fresh.flatMap(({ id, who, what }) =>
      what.businesses.map((b) => ({ id: randomUUID(), personId: id, who, what, b })),
    );
    await insertAll(
      tx,
      businesses,
      owned.map(({ id, personId, who, what, b }) => ({
        id,
        operatorId,
        personId,
        name: b.name,
        kbli: b.kind.kbli,
        productType: b.kind.product,
        legalForm: b.legalForm,
        foundedOn: b.foundedOn,
        preVenture: b.preVenture,
        address: who.address,
        villageCode: who.villageCode,
        districtCode: who.districtCode,
        employeesMale: b.employeesMale,
        employeesFemale: b.employeesFemale,
        monthlyRevenue: b.monthlyRevenue,
        channels: b.channels,
        status: b.status,
        statusSince: b.statusSince,
        createdAt: what.createdAt,
        updatedAt: what.createdAt,
      })),
    );
    await insertAll(
      tx,
      businessStatusEvents,
      owned
        .filter(({ b }) => b.status !== 'active')
        .map(({ id, b }) => ({
          operatorId,
          businessId: id,
          status: b.status,
          effectiveOn: b.statusSince,
          reason: b.status === 'closed' ? 'Modal usaha habis' : b.status === 'paused' ? 'Pemilik sakit' : null,
          newAddress: b.status === 'moved' ? 'Pindah ke lapak di pasar kecamatan' : null,
        })),
    );
    const applications = fresh.map((m) => ({ ...m, enrollmentId: randomUUID(), track: tracks[m.what.track] }));
    await insertAll(
      tx,
      enrollments,
      applications.map(({ id, who, what, enrollmentId, track }) => {
        const last = what.steps.at(-1);
        // Documents were checked on paper before the program used Sentra: decided applications had them all.
        const documents = last ? [...track.requiredDocuments] : ['ktp'];
        return {
          id: enrollmentId,
          operatorId,
          personId: id,
          trackId: track.id,
          status: last?.status ?? 'applicant',
          eligibility: checkEligibility(
            track,
            { ...who, domicileVillageCode: who.villageCode },
            {
              today: what.createdAt,
              documents,
            },
          ),
          decidedAt: last?.at ?? null,
          createdAt: what.createdAt,
          updatedAt: last?.at ?? what.createdAt,
        };
      }),
    );
    await insertAll(
      tx,
      selectionEvents,
      applications.flatMap(({ what, enrollmentId }) =>
        [{ status: 'applicant', at: what.createdAt }, ...what.steps].map((step, i, all) => ({
          operatorId,
          enrollmentId,
          fromStatus: i === 0 ? null : all[i - 1].status,
          toStatus: step.status,
          decidedAt: step.at,
        })),
      ),
    );
    const stageRows = fresh.flatMap(({ id, what }) => what.stages.map((s) => ({ personId: id, ...s })));
    await insertAll(
      tx,
      stageEvents,
      stageRows.map((s) => ({
        operatorId,
        personId: s.personId,
        stage: s.stage,
        status: s.status,
        occurredOn: s.since,
        source: 'import',
      })),
    );
    await insertAll(
      tx,
      participantStages,
      stageRows.map((s) => ({ operatorId, personId: s.personId, stage: s.stage, status: s.status, since: s.since })),
    );
    // Members in mentoring get the demo pendamping of their kecamatan, when there is one.
    await insertAll(
      tx,
      mentorAssignments,
      fresh.flatMap(({ id, who, what }) => {
        const mentoring = what.stages.find((s) => s.stage === 3);
        const mentor = mentors.find((m) => regionWithin(who.districtCode, m.prefix));
        return mentoring && mentor
          ? [{ operatorId, personId: id, mentorUserId: mentor.userId, since: mentoring.since }]
          : [];
      }),
    );
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'participant',
      operatorId,
      after: { demoMembers: fresh.length, seed },
    });
    return fresh.length;
  });
  return { members: existing + created, created };
}
