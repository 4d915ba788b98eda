import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { maskNik } from '../../../shared/nik.js';
import type { CheckInMethod, EnrollmentStatus } from '../../../shared/trainings.js';
import type { Db } from '../../platform/db/client.js';
import { requireAccess, scopeCondition } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { people } from '../participants/participants.schema.js';
import { phoneFor } from '../participants/presenters.js';
import { regions } from '../regions/regions.schema.js';
import { waitlistPositions } from './seats.js';
import { attendance, certificates, trainingEnrollments } from './trainings.schema.js';
import { loadWave, optionalScope, type Wave } from './trainings-common.js';
import { type WaveDetail, waveDetail } from './wave-views.js';

export type AttendanceMark = { checkedInAt: Date; late: boolean; method: CheckInMethod };

export type RosterRow = {
  personId: string;
  fullName: string;
  nikMasked: string;
  phone: string | null;
  districtName: string | null;
  villageName: string | null;
  status: EnrollmentStatus;
  source: string;
  enrolledAt: Date;
  waitlistPosition: number | null;
  attendance: Record<string, AttendanceMark | null>;
  daysAttended: number;
  certificate: { id: string; serial: string; revoked: boolean } | null;
};

const district = alias(regions, 'district');
const village = alias(regions, 'village');

// Seated people first (by name), then the waitlist in its order, then those who cancelled.
const rank: Record<EnrollmentStatus, number> = {
  enrolled: 0,
  completed: 0,
  not_completed: 0,
  waitlisted: 1,
  cancelled: 2,
};

/**
 * The people of a wave that the caller may see (a kecamatan coordinator sees only their kecamatan's), with their
 * attendance per day and certificate. Phones are shown to staff who may write the person, masked otherwise.
 */
export async function rosterOf(
  db: Db,
  actor: Actor | undefined,
  waveId: string,
): Promise<{ wave: Wave; detail: WaveDetail; items: RosterRow[] }> {
  const scope = requireAccess(actor, 'trainings.read');
  const wave = await loadWave(db, actor, waveId, 'trainings.read');
  const writeScope = optionalScope(actor, 'participants.write');
  const inScope = and(
    eq(trainingEnrollments.waveId, wave.id),
    scopeCondition(scope, people.operatorId, people.domicileDistrictCode),
  );
  const [rows, marks, positions, detail] = await Promise.all([
    db
      .select({
        enrollment: trainingEnrollments,
        person: people,
        districtName: district.name,
        villageName: village.name,
        certificate: { id: certificates.id, serial: certificates.serial, revokedAt: certificates.revokedAt },
      })
      .from(trainingEnrollments)
      .innerJoin(people, eq(people.id, trainingEnrollments.personId))
      .leftJoin(district, eq(district.code, people.domicileDistrictCode))
      .leftJoin(village, eq(village.code, people.domicileVillageCode))
      .leftJoin(
        certificates,
        and(eq(certificates.waveId, trainingEnrollments.waveId), eq(certificates.personId, people.id)),
      )
      .where(inScope),
    db
      .select({
        personId: attendance.personId,
        sessionId: attendance.sessionId,
        checkedInAt: attendance.checkedInAt,
        late: attendance.late,
        method: attendance.method,
      })
      .from(attendance)
      .innerJoin(people, eq(people.id, attendance.personId))
      .innerJoin(
        trainingEnrollments,
        and(eq(trainingEnrollments.waveId, attendance.waveId), eq(trainingEnrollments.personId, attendance.personId)),
      )
      .where(inScope),
    waitlistPositions(db, wave.id),
    waveDetail(db, wave.id),
  ]);
  const byPerson = new Map<string, Record<string, AttendanceMark | null>>();
  for (const m of marks) {
    if (!byPerson.has(m.personId)) byPerson.set(m.personId, {});
    byPerson.get(m.personId)![m.sessionId] = {
      checkedInAt: m.checkedInAt,
      late: m.late,
      method: m.method as CheckInMethod,
    };
  }
  const items = rows.map(({ enrollment: e, person: p, certificate: c, districtName, villageName }): RosterRow => {
    const marked = byPerson.get(p.id) ?? {};
    return {
      personId: p.id,
      fullName: p.fullName,
      nikMasked: maskNik(p.nik),
      phone: phoneFor(writeScope, p)(p.phone),
      districtName,
      villageName,
      status: e.status as EnrollmentStatus,
      source: e.source,
      enrolledAt: e.createdAt,
      waitlistPosition: positions.get(p.id) ?? null,
      attendance: Object.fromEntries(detail.sessions.map((s) => [s.id, marked[s.id] ?? null])),
      daysAttended: Object.keys(marked).length,
      certificate: c ? { id: c.id, serial: c.serial, revoked: c.revokedAt !== null } : null,
    };
  });
  items.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.fullName.localeCompare(b.fullName, 'id'),
  );
  return { wave, detail, items };
}
