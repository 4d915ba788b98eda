import type { Readable } from 'node:stream';
import { and, asc, eq, ilike, inArray, ne, sql } from 'drizzle-orm';
import type { CourseInput, CourseLevel, CoursePatch } from '../../../shared/trainings.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Files } from '../../platform/files/files.js';
import { inScope, requireAccess, scopeOperatorIds } from '../access/access.js';
import { type Actor, systemActor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { MembersService } from '../members/members.service.js';
import { courses, trainingEnrollments, trainingWaves } from './trainings.schema.js';
import { atOperator, COURSE, type Course, loadCourse, optionalScope } from './trainings-common.js';

export type Material =
  | { kind: 'link'; title: string; url: string }
  | { kind: 'file'; title: string; fileId: string; fileName: string; size: number };

export type CourseView = Omit<Course, 'materials' | 'level' | 'createdBy' | 'createdAt' | 'updatedAt'> & {
  level: CourseLevel;
  materials: Material[];
  waves: number;
};

const MATERIAL = { id: 'Materi', en: 'Material' };

// The outer column is spelled out: inside a subquery Drizzle writes a bare "id", which would mean training_waves.id.
const waveCount = sql<number>`(select count(*)::int from ${trainingWaves} where ${trainingWaves.courseId} = "courses"."id")`;

const present = (c: Course, waves: number): CourseView => {
  const { createdBy: _b, createdAt: _c, updatedAt: _u, ...rest } = c;
  return { ...rest, level: c.level as CourseLevel, materials: c.materials as Material[], waves };
};

/** The operator's catalog of courses and their materials (files in the platform file store, or links). */
export function makeCoursesService(db: Db, deps: { files: Files; members: MembersService }) {
  async function one(id: string): Promise<CourseView> {
    const [row] = await db.select({ course: courses, waves: waveCount }).from(courses).where(eq(courses.id, id));
    return present(row.course, row.waves);
  }

  /** A course the actor may use with the permission; missing and out of scope both 404. */
  async function courseFor(actor: Actor | undefined, id: string, permission: 'trainings.read' | 'trainings.manage') {
    requireAccess(actor, permission);
    const course = await loadCourse(db, id);
    requireAccess(actor, permission, course ? atOperator(course.operatorId) : undefined, COURSE);
    return course!;
  }

  async function save(actor: Actor, before: Course, set: Partial<typeof courses.$inferInsert>) {
    await db.transaction(async (tx) => {
      const [after] = await tx
        .update(courses)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(courses.id, before.id))
        .returning();
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'course',
        entityId: before.id,
        operatorId: before.operatorId,
        before,
        after,
      });
    });
    return one(before.id);
  }

  return {
    async list(actor: Actor | undefined, q: { operatorId?: string; q?: string; active?: boolean }) {
      const ops = scopeOperatorIds(requireAccess(actor, 'trainings.read'));
      const rows = await db
        .select({ course: courses, waves: waveCount })
        .from(courses)
        .where(
          and(
            ops ? inArray(courses.operatorId, ops) : undefined,
            q.operatorId ? eq(courses.operatorId, q.operatorId) : undefined,
            q.q ? ilike(courses.title, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
            q.active === undefined ? undefined : eq(courses.active, q.active),
          ),
        )
        .orderBy(asc(courses.title), asc(courses.id));
      return { items: rows.map((r) => present(r.course, r.waves)) };
    },

    get: async (actor: Actor | undefined, id: string) => one((await courseFor(actor, id, 'trainings.read')).id),

    async create(actor: Actor | undefined, input: CourseInput): Promise<CourseView> {
      requireAccess(actor, 'trainings.manage', atOperator(input.operatorId), { id: 'Operator', en: 'Operator' });
      const id = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(courses)
          .values({ ...input, createdBy: actor!.kind === 'user' ? actor!.userId : null })
          .returning();
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'course',
          entityId: created.id,
          operatorId: created.operatorId,
          after: created,
        });
        return created.id;
      });
      return one(id);
    },

    async update(actor: Actor | undefined, id: string, patch: CoursePatch): Promise<CourseView> {
      const before = await courseFor(actor, id, 'trainings.manage');
      const { materials: links, ...rest } = patch;
      // New links replace the old ones; uploaded files stay where they were.
      const materials = links
        ? [...(before.materials as Material[]).filter((m) => m.kind === 'file'), ...links]
        : undefined;
      return save(actor!, before, { ...rest, ...(materials ? { materials } : {}) });
    },

    /** Stores an uploaded file (PDF or image) and adds it to the course's materials. */
    async addMaterial(
      actor: Actor | undefined,
      id: string,
      input: { title?: string; filename: string; body: Readable | Buffer },
    ): Promise<CourseView> {
      const course = await courseFor(actor, id, 'trainings.manage');
      const meta = await deps.files.saveUpload(actor, {
        operatorId: course.operatorId,
        purpose: 'document',
        filename: input.filename,
        body: input.body,
      });
      const material: Material = {
        kind: 'file',
        title: input.title?.trim() || meta.originalName,
        fileId: meta.id,
        fileName: meta.originalName,
        size: meta.size,
      };
      // Appended in SQL, so two uploads landing at once both stay.
      return save(actor!, course, { materials: sql`${courses.materials} || ${JSON.stringify([material])}::jsonb` });
    },

    /** Removes a material from the list (an uploaded file itself stays in the store, as the audit refers to it). */
    async removeMaterial(actor: Actor | undefined, id: string, index: number): Promise<CourseView> {
      const course = await courseFor(actor, id, 'trainings.manage');
      const materials = course.materials as Material[];
      if (index < 0 || index >= materials.length) throw AppError.notFound(MATERIAL);
      return save(actor!, course, { materials: materials.filter((_, i) => i !== index) });
    },

    /** A material file, for staff who may read the catalog and for members enrolled in a wave of the course. */
    async openMaterial(actor: Actor | undefined, id: string, fileId: string) {
      const course = await loadCourse(db, id);
      if (!course) throw AppError.notFound(COURSE);
      const scope = optionalScope(actor, 'trainings.read');
      if (scope) {
        if (!inScope(scope, atOperator(course.operatorId))) throw AppError.notFound(COURSE);
      } else {
        const person = await deps.members.personOf(actor);
        const [enrolled] = await db
          .select({ id: trainingEnrollments.id })
          .from(trainingEnrollments)
          .innerJoin(trainingWaves, eq(trainingWaves.id, trainingEnrollments.waveId))
          .where(
            and(
              eq(trainingWaves.courseId, course.id),
              eq(trainingEnrollments.personId, person.id),
              ne(trainingEnrollments.status, 'cancelled'),
            ),
          )
          .limit(1);
        if (!enrolled) throw AppError.notFound(COURSE);
      }
      if (!(course.materials as Material[]).some((m) => m.kind === 'file' && m.fileId === fileId))
        throw AppError.notFound(MATERIAL);
      // Access was decided above; members hold no file permission of their own.
      return deps.files.open(systemActor('trainings-materials'), fileId);
    },
  };
}

export type CoursesService = ReturnType<typeof makeCoursesService>;
