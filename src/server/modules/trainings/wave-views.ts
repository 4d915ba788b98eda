import { asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  completionRate,
  type EnrollmentStatus,
  seatStatuses,
  type WaveMode,
  type WaveStatus,
} from '../../../shared/trainings.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { centers } from '../operators/operators.schema.js';
import { attendance, courses, trainingEnrollments, trainingSessions, trainingWaves } from './trainings.schema.js';
import type { Wave } from './trainings-common.js';

export type WaveCounts = {
  enrolled: number;
  waitlisted: number;
  completed: number;
  notCompleted: number;
  cancelled: number;
  /** Places taken: enrolled, completed and not completed (someone who completed early is still in the room). */
  seatsTaken: number;
};

export type WaveSummary = Omit<Wave, 'courseId' | 'mode' | 'status' | 'createdBy' | 'createdAt' | 'updatedAt'> &
  WaveCounts & {
    mode: WaveMode;
    status: WaveStatus;
    course: { id: string; title: string; hours: number; level: string };
    centerName: string | null;
  };

export type WaveDetail = WaveSummary & {
  sessions: Array<{
    id: string;
    dayNo: number;
    date: string;
    startsAt: string;
    endsAt: string;
    topic: string | null;
    attended: number;
  }>;
  completionRate: number | null;
};

const summaryColumns = {
  wave: trainingWaves,
  course: { id: courses.id, title: courses.title, hours: courses.hours, level: courses.level },
  centerName: centers.name,
};

type SummaryRow = { wave: Wave; course: WaveSummary['course']; centerName: string | null };

/** Waves with their course and center, for a WHERE and ORDER the caller gives. */
export function selectWaves(dbOrTx: DbOrTx) {
  return dbOrTx
    .select(summaryColumns)
    .from(trainingWaves)
    .innerJoin(courses, eq(courses.id, trainingWaves.courseId))
    .leftJoin(centers, eq(centers.id, trainingWaves.centerId));
}

const noCounts = (): WaveCounts => ({
  enrolled: 0,
  waitlisted: 0,
  completed: 0,
  notCompleted: 0,
  cancelled: 0,
  seatsTaken: 0,
});

/** Enrollment counts of many waves in one grouped query. */
export async function countsOf(dbOrTx: DbOrTx, waveIds: string[]): Promise<Map<string, WaveCounts>> {
  const result = new Map(waveIds.map((id) => [id, noCounts()]));
  if (waveIds.length === 0) return result;
  const rows = await dbOrTx
    .select({ waveId: trainingEnrollments.waveId, status: trainingEnrollments.status, n: count() })
    .from(trainingEnrollments)
    .where(inArray(trainingEnrollments.waveId, waveIds))
    .groupBy(trainingEnrollments.waveId, trainingEnrollments.status);
  for (const r of rows) {
    const c = result.get(r.waveId)!;
    const status = r.status as EnrollmentStatus;
    if (status === 'not_completed') c.notCompleted += r.n;
    else c[status] += r.n;
    if (seatStatuses.includes(status)) c.seatsTaken += r.n;
  }
  return result;
}

export function toSummary(row: SummaryRow, counts: WaveCounts): WaveSummary {
  const { courseId: _c, createdBy: _b, createdAt: _a, updatedAt: _u, ...wave } = row.wave;
  return {
    ...wave,
    mode: wave.mode as WaveMode,
    status: wave.status as WaveStatus,
    course: row.course,
    centerName: row.centerName,
    ...counts,
  };
}

/** Summaries for rows already selected (a page of a list), with their counts. */
export async function summariesOf(dbOrTx: DbOrTx, rows: SummaryRow[]): Promise<WaveSummary[]> {
  const counts = await countsOf(
    dbOrTx,
    rows.map((r) => r.wave.id),
  );
  return rows.map((r) => toSummary(r, counts.get(r.wave.id)!));
}

export async function waveSummaries(dbOrTx: DbOrTx, where: SQL | undefined): Promise<WaveSummary[]> {
  return summariesOf(dbOrTx, await selectWaves(dbOrTx).where(where).orderBy(asc(trainingWaves.startsOn)));
}

/** A wave with its days (and how many attended each), its counts and its completion rate. */
export async function waveDetail(dbOrTx: DbOrTx, waveId: string): Promise<WaveDetail> {
  const [summary] = await waveSummaries(dbOrTx, eq(trainingWaves.id, waveId));
  const sessions = await dbOrTx
    .select({
      id: trainingSessions.id,
      dayNo: trainingSessions.dayNo,
      date: trainingSessions.date,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      topic: trainingSessions.topic,
      attended: sql<number>`count(${attendance.id})::int`,
    })
    .from(trainingSessions)
    .leftJoin(attendance, eq(attendance.sessionId, trainingSessions.id))
    .where(eq(trainingSessions.waveId, waveId))
    .groupBy(trainingSessions.id)
    .orderBy(asc(trainingSessions.dayNo));
  return { ...summary, sessions, completionRate: completionRate(summary.completed, summary.notCompleted) };
}

/** The days of a wave, in order. */
export function sessionsOf(dbOrTx: DbOrTx, waveId: string) {
  return dbOrTx
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.waveId, waveId))
    .orderBy(asc(trainingSessions.dayNo));
}
