import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/access.js';
import { type StageNo, type StageStatus, stages } from '../../../shared/participants.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { requireAccess, scopeCondition } from '../access/access.js';
import { type Actor, actorId } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { participantStages, people, stageEvents } from './participants.schema.js';

export type StageInput = {
  stage: StageNo;
  status: StageStatus;
  /** Defaults to today (WIB). */
  occurredOn?: string | null;
  note?: string | null;
  /** The module that moved the stage: manual (staff), selection, trainings, mentoring, … */
  source?: string;
};

export type StageView = { stage: StageNo; key: string; status: StageStatus; since: string | null };

export type RecordOptions = {
  /** The caller's open transaction: the stage change lands with the caller's change or not at all. */
  tx?: DbOrTx;
  /** The permission the caller acts under (a trainer records stage 2 with `trainings.manage`). */
  permission?: Permission;
};

type Person = typeof people.$inferSelect;

const HOUR = 3_600_000;
/** Today in Jakarta (WIB), the default date of anything recorded. */
export const todayWib = (now = new Date()) => new Date(now.getTime() + 7 * HOUR).toISOString().slice(0, 10);
/** The latest date that is "today" anywhere in Indonesia (WIT, UTC+9): a later date is in the future for everyone. */
export const latestToday = (now = new Date()) => new Date(now.getTime() + 9 * HOUR).toISOString().slice(0, 10);

/** A person is placed by the kecamatan of their domicile; the scope check reads that. */
export const personTarget = (p: { operatorId: string; domicileDistrictCode: string }) => ({
  operatorId: p.operatorId,
  regionCode: p.domicileDistrictCode,
});

/** 409: a merged record takes no more changes (its data lives on in the record it was merged into). */
export const alreadyMerged = () =>
  new AppError('CONFLICT', {
    id: 'Data peserta ini sudah digabung ke data lain',
    en: 'This participant record has been merged into another one',
  });

/** Loads a person for an action; missing and out-of-scope both answer 404. */
export async function loadPersonFor(
  db: DbOrTx,
  actor: Actor | undefined,
  personId: string,
  permission: Permission,
): Promise<Person> {
  requireAccess(actor, permission);
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  requireAccess(actor, permission, person ? personTarget(person) : undefined, { id: 'Peserta', en: 'Participant' });
  if (!person) throw AppError.notFound({ id: 'Peserta', en: 'Participant' });
  return person;
}

/** The seven stages in funnel order, `not_started` where nothing was recorded. */
export function sevenStages(rows: Array<{ stage: number; status: string; since: string }>): StageView[] {
  return stages.map((s) => {
    const row = rows.find((r) => r.stage === s.no);
    return {
      stage: s.no,
      key: s.key,
      status: (row?.status ?? 'not_started') as StageStatus,
      since: row?.since ?? null,
    };
  });
}

/** Writes the history rows and moves the current status, for people already checked to be in scope. */
export async function writeStages(
  tx: DbOrTx,
  actor: Actor,
  persons: Array<Pick<Person, 'id' | 'operatorId'>>,
  input: StageInput,
  occurredOn: string,
) {
  const by = actorId(actor);
  await tx.insert(stageEvents).values(
    persons.map((p) => ({
      operatorId: p.operatorId,
      personId: p.id,
      stage: input.stage,
      status: input.status,
      occurredOn,
      note: input.note ?? null,
      source: input.source ?? 'manual',
      recordedBy: by,
    })),
  );
  await tx
    .insert(participantStages)
    .values(
      persons.map((p) => ({
        operatorId: p.operatorId,
        personId: p.id,
        stage: input.stage,
        status: input.status,
        since: occurredOn,
        updatedBy: by,
      })),
    )
    .onConflictDoUpdate({
      target: [participantStages.personId, participantStages.stage],
      set: {
        status: sql`excluded.status`,
        // The same status again keeps its first date.
        since: sql`case when ${participantStages.status} = excluded.status then least(${participantStages.since}, excluded.since) else excluded.since end`,
        updatedBy: sql`excluded.updated_by`,
      },
      // A backfilled, older event goes into the history but must not overwrite a newer current status.
      setWhere: sql`${participantStages.status} = excluded.status or excluded.since >= ${participantStages.since}`,
    });
}

export function makeJourneyService(db: Db) {
  async function stagesOf(personIds: string[], dbOrTx: DbOrTx = db): Promise<Map<string, StageView[]>> {
    const unique = [...new Set(personIds)];
    const rows = unique.length
      ? await dbOrTx
          .select({
            personId: participantStages.personId,
            stage: participantStages.stage,
            status: participantStages.status,
            since: participantStages.since,
          })
          .from(participantStages)
          .where(inArray(participantStages.personId, unique))
      : [];
    const byPerson = new Map<string, typeof rows>(unique.map((id) => [id, []]));
    for (const row of rows) byPerson.get(row.personId)!.push(row);
    return new Map(unique.map((id) => [id, sevenStages(byPerson.get(id)!)]));
  }

  function checkInput(input: StageInput): string {
    const occurredOn = input.occurredOn ?? todayWib();
    if (!stages.some((s) => s.no === input.stage))
      throw AppError.validation([
        { path: 'stage', code: 'invalid_stage', message: 'Tahap harus 1 sampai 7', en: 'The stage must be 1 to 7' },
      ]);
    if (occurredOn > latestToday())
      throw AppError.validation([
        {
          path: 'occurredOn',
          code: 'future_date',
          message: 'Tanggal tidak boleh di masa depan',
          en: 'The date cannot be in the future',
        },
      ]);
    return occurredOn;
  }

  async function inTx<T>(tx: DbOrTx | undefined, run: (tx: DbOrTx) => Promise<T>): Promise<T> {
    return tx ? run(tx) : db.transaction(run);
  }

  return {
    stagesOf,

    async stages(actor: Actor | undefined, personId: string): Promise<StageView[]> {
      const person = await loadPersonFor(db, actor, personId, 'participants.read');
      return (await stagesOf([person.id])).get(person.id)!;
    },

    /**
     * Records one stage change of one person: a stage_events row and the current status in participant_stages,
     * with an audit entry. Other modules (trainings, mentoring, …) call it inside their own transaction.
     */
    async recordStage(
      actor: Actor | undefined,
      personId: string,
      input: StageInput,
      options: RecordOptions = {},
    ): Promise<StageView[]> {
      requireAccess(actor, options.permission ?? 'participants.write');
      const occurredOn = checkInput(input);
      return inTx(options.tx, async (tx) => {
        const person = await loadPersonFor(tx, actor, personId, options.permission ?? 'participants.write');
        if (person.status === 'merged') throw alreadyMerged();
        await writeStages(tx, actor!, [person], input, occurredOn);
        await recordAudit(tx, actor!, {
          action: 'stage',
          entity: 'participant',
          entityId: person.id,
          operatorId: person.operatorId,
          after: {
            stage: input.stage,
            status: input.status,
            occurredOn,
            note: input.note ?? null,
            source: input.source ?? 'manual',
          },
        });
        return (await stagesOf([person.id], tx)).get(person.id)!;
      });
    },

    /**
     * The same change for many people at once (bulk actions): all in scope or nothing (404), one audit entry per
     * operator listing the people.
     */
    async recordStageForMany(
      actor: Actor | undefined,
      personIds: string[],
      input: StageInput,
      options: RecordOptions = {},
    ): Promise<number> {
      const scope = requireAccess(actor, options.permission ?? 'participants.write');
      const occurredOn = checkInput(input);
      const ids = [...new Set(personIds)];
      if (ids.length === 0) return 0;
      return inTx(options.tx, async (tx) => {
        const persons = await tx
          .select()
          .from(people)
          .where(
            and(
              inArray(people.id, ids),
              sql`${people.status} <> 'merged'`,
              scopeCondition(scope, people.operatorId, people.domicileDistrictCode),
            ),
          );
        if (persons.length !== ids.length) throw AppError.notFound({ id: 'Peserta', en: 'Participant' });
        await writeStages(tx, actor!, persons, input, occurredOn);
        for (const operatorId of new Set(persons.map((p) => p.operatorId))) {
          await recordAudit(tx, actor!, {
            action: 'stage',
            entity: 'participant',
            operatorId,
            after: {
              stage: input.stage,
              status: input.status,
              occurredOn,
              source: input.source ?? 'manual',
              ids: persons.filter((p) => p.operatorId === operatorId).map((p) => p.id),
            },
          });
        }
        return persons.length;
      });
    },
  };
}

export type JourneyService = ReturnType<typeof makeJourneyService>;
