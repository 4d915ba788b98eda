import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { searchKbli } from '../../../shared/kbli.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { requireAccess, scopeOperatorIds, signInFirst } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { operators } from '../operators/operators.schema.js';
import type { RegionsService } from '../regions/regions.service.js';
import { checkDates, checkTrack, duplicateOf, type TrackInput } from './program-checks.js';
import { makeTargets, type TargetItem } from './program-targets.js';
import { programs, tracks } from './programs.schema.js';

export type ProgramInput = {
  operatorId: string;
  name: string;
  description?: string | null;
  startsOn: string;
  endsOn: string;
};
export type ProgramPatch = Partial<Omit<ProgramInput, 'operatorId'>> & { active?: boolean };
export type { TrackInput } from './program-checks.js';
export type { TargetItem };

export type Program = typeof programs.$inferSelect;
export type Track = Omit<typeof tracks.$inferSelect, 'sex'> & { sex: 'L' | 'P' | null };
type ProgramPermission = 'programs.read' | 'programs.manage';

const asTrack = (row: typeof tracks.$inferSelect): Track => ({ ...row, sex: row.sex as Track['sex'] });

export function makeProgramsService(db: Db, regionsService: RegionsService) {
  /** The operator's service area. Read here rather than through the operators service: one column, read-only. */
  async function loadOperatorArea(id: string) {
    const [op] = await db
      .select({ id: operators.id, serviceArea: operators.serviceArea })
      .from(operators)
      .where(eq(operators.id, id));
    if (!op) throw AppError.notFound({ id: 'Operator', en: 'Operator' });
    return op;
  }

  /**
   * Reading needs any grant at the operator; managing needs one over its whole area. A missing program and one out
   * of scope answer the same 404.
   */
  async function loadProgram(actor: Actor | undefined, id: string, permission: ProgramPermission): Promise<Program> {
    const [program] = await db.select().from(programs).where(eq(programs.id, id));
    const target = program ? { operatorId: program.operatorId, anyRegion: permission === 'programs.read' } : undefined;
    requireAccess(actor, permission, target, { id: 'Program', en: 'Program' });
    if (!program) throw AppError.notFound({ id: 'Program', en: 'Program' });
    return program;
  }

  async function loadTrack(actor: Actor | undefined, id: string) {
    const [row] = await db
      .select({ track: tracks, program: programs })
      .from(tracks)
      .innerJoin(programs, eq(programs.id, tracks.programId))
      .where(eq(tracks.id, id));
    requireAccess(actor, 'programs.manage', row ? { operatorId: row.program.operatorId } : undefined, {
      id: 'Jalur',
      en: 'Track',
    });
    if (!row) throw AppError.notFound({ id: 'Jalur', en: 'Track' });
    return row;
  }

  async function withTracks(list: Program[]) {
    const rows = list.length
      ? await db
          .select()
          .from(tracks)
          .where(
            inArray(
              tracks.programId,
              list.map((p) => p.id),
            ),
          )
          .orderBy(asc(tracks.code))
      : [];
    return list.map((p) => ({ ...p, tracks: rows.filter((t) => t.programId === p.id).map(asTrack) }));
  }

  const targets = makeTargets(db, { loadOperatorArea });

  return {
    async list(actor: Actor | undefined, q: { operatorId?: string; page: number; pageSize: number }) {
      const scope = requireAccess(actor, 'programs.read');
      const ids = scopeOperatorIds(scope);
      const where = and(
        ids ? inArray(programs.operatorId, ids) : undefined,
        q.operatorId ? eq(programs.operatorId, q.operatorId) : undefined,
      );
      const [list, [{ total }]] = await Promise.all([
        db
          .select()
          .from(programs)
          .where(where)
          .orderBy(desc(programs.startsOn), asc(programs.name))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ total: sql<number>`count(*)::int` }).from(programs).where(where),
      ]);
      return { items: await withTracks(list), total };
    },

    async get(actor: Actor | undefined, id: string) {
      const [program] = await withTracks([await loadProgram(actor, id, 'programs.read')]);
      return program;
    },

    async create(actor: Actor | undefined, input: ProgramInput) {
      requireAccess(actor, 'programs.manage', { operatorId: input.operatorId }, { id: 'Operator', en: 'Operator' });
      await loadOperatorArea(input.operatorId);
      checkDates(input.startsOn, input.endsOn);
      const created = await db
        .transaction(async (tx) => {
          const [p] = await tx
            .insert(programs)
            .values({
              operatorId: input.operatorId,
              name: input.name.trim(),
              description: input.description,
              startsOn: input.startsOn,
              endsOn: input.endsOn,
            })
            .returning();
          await recordAudit(tx, actor!, {
            action: 'create',
            entity: 'program',
            entityId: p.id,
            operatorId: p.operatorId,
            after: p,
          });
          return p;
        })
        .catch(
          duplicateOf('programs_operator_name_uq', 'name', {
            id: 'Nama program sudah dipakai operator ini',
            en: 'This operator already has a program with this name',
          }),
        );
      const [presented] = await withTracks([created]);
      return presented;
    },

    async update(actor: Actor | undefined, id: string, input: ProgramPatch) {
      const before = await loadProgram(actor, id, 'programs.manage');
      checkDates(input.startsOn ?? before.startsOn, input.endsOn ?? before.endsOn);
      const updated = await db
        .transaction(async (tx) => {
          const [p] = await tx
            .update(programs)
            .set({ ...input, name: input.name?.trim(), updatedAt: new Date() })
            .where(eq(programs.id, id))
            .returning();
          await recordAudit(tx, actor!, {
            action: 'update',
            entity: 'program',
            entityId: id,
            operatorId: p.operatorId,
            before,
            after: p,
          });
          return p;
        })
        .catch(
          duplicateOf('programs_operator_name_uq', 'name', {
            id: 'Nama program sudah dipakai operator ini',
            en: 'This operator already has a program with this name',
          }),
        );
      const [presented] = await withTracks([updated]);
      return presented;
    },

    async createTrack(actor: Actor | undefined, programId: string, input: TrackInput) {
      const program = await loadProgram(actor, programId, 'programs.manage');
      const op = await loadOperatorArea(program.operatorId);
      await checkTrack(regionsService, op.serviceArea, input);
      const values = { ...input, requiredDocuments: [...new Set(input.requiredDocuments ?? [])] };
      return db
        .transaction(async (tx) => {
          const [t] = await tx
            .insert(tracks)
            .values({ ...values, programId, operatorId: program.operatorId })
            .returning();
          await recordAudit(tx, actor!, {
            action: 'create',
            entity: 'track',
            entityId: t.id,
            operatorId: t.operatorId,
            after: t,
          });
          return asTrack(t);
        })
        .catch(
          duplicateOf('tracks_program_code_uq', 'code', {
            id: `Kode jalur ${input.code} sudah dipakai di program ini`,
            en: `Track code ${input.code} is already used in this program`,
          }),
        );
    },

    async updateTrack(actor: Actor | undefined, id: string, input: Partial<TrackInput>) {
      const { track: row } = await loadTrack(actor, id);
      const before = asTrack(row);
      const op = await loadOperatorArea(before.operatorId);
      await checkTrack(regionsService, op.serviceArea, input, before);
      const requiredDocuments = input.requiredDocuments ? [...new Set(input.requiredDocuments)] : undefined;
      return db
        .transaction(async (tx) => {
          const [t] = await tx
            .update(tracks)
            .set({ ...input, requiredDocuments, updatedAt: new Date() })
            .where(eq(tracks.id, id))
            .returning();
          await recordAudit(tx, actor!, {
            action: 'update',
            entity: 'track',
            entityId: id,
            operatorId: t.operatorId,
            before,
            after: t,
          });
          return asTrack(t);
        })
        .catch(
          duplicateOf('tracks_program_code_uq', 'code', {
            id: `Kode jalur ${input.code} sudah dipakai di program ini`,
            en: `Track code ${input.code} is already used in this program`,
          }),
        );
    },

    async listTargets(actor: Actor | undefined, programId: string, q: { year?: number } = {}) {
      const program = await loadProgram(actor, programId, 'programs.read');
      const items = await targets.rows(program.id, q.year);
      return { items, total: items.length };
    },

    /** Upserts by track × year × kecamatan (0 deletes), all or nothing; answers the program's whole list. */
    async putTargets(actor: Actor | undefined, programId: string, items: TargetItem[]) {
      const program = await loadProgram(actor, programId, 'programs.manage');
      await targets.put(actor!, program, items);
      const list = await targets.rows(program.id);
      return { items: list, total: list.length };
    },

    /** Curated KBLI 2020 codes for any signed-in user, whatever their role: owners fill in their own business. */
    kbli(actor: Actor | undefined, q: string) {
      if (!actor) throw signInFirst();
      const items = searchKbli(q);
      return { items, total: items.length };
    },

    /**
     * For the participants module (no actor: its caller has checked access to the person): the track with its
     * program, or 404. Pass the caller's `tx` when inside a transaction; `lock` holds the track row until it ends,
     * so that concurrent selection decisions count the quota one at a time.
     */
    async getTrackForEnrollment(trackId: string, options: { tx?: DbOrTx; lock?: boolean } = {}) {
      const query = (options.tx ?? db)
        .select({ track: tracks, program: programs })
        .from(tracks)
        .innerJoin(programs, eq(programs.id, tracks.programId))
        .where(eq(tracks.id, trackId));
      const [row] = options.lock ? await query.for('update', { of: tracks }) : await query;
      if (!row) throw AppError.notFound({ id: 'Jalur', en: 'Track' });
      return { track: asTrack(row.track), program: row.program };
    },
  };
}

export type ProgramsService = ReturnType<typeof makeProgramsService>;
