import { inArray } from 'drizzle-orm';
import type { MentorProfileInput, MentorView } from '../../../shared/mentoring.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { inScope, requireAccess, type Scope, scopeOperatorIds } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { withinServiceArea } from '../operators/operators.service.js';
import { todayWib } from '../participants/journey.service.js';
import { regions } from '../regions/regions.schema.js';
import type { RegionsService } from '../regions/regions.service.js';
import {
  loadMentors,
  type MentorEntry,
  mentorCounts,
  mentorCovers,
  mentorKey,
  mentorMayServe,
  mentorVisible,
} from './mentor-directory.js';
import { mentorProfiles } from './mentoring.schema.js';

export type { MentorView } from '../../../shared/mentoring.js';

const mentorNotFound = () => AppError.notFound({ id: 'Pendamping', en: 'Mentor' });

/** Mentor profiles: who the pendamping are, where they work, how many members they carry and are to recruit. */
export function makeMentorsService(db: Db, deps: { regions: RegionsService }) {
  async function present(mentors: MentorEntry[]): Promise<MentorView[]> {
    const [counts, names] = await Promise.all([
      mentorCounts(db, mentors, todayWib()),
      deps.regions.names(mentors.flatMap((m) => m.districtCodes)),
    ]);
    return mentors.map((m) => ({
      userId: m.userId,
      name: m.name,
      phone: m.phone,
      email: m.email,
      operatorId: m.operatorId,
      // A role over the operator's whole area reads as the area itself.
      regionPrefixes: [...new Set(m.rolePrefixes.flatMap((p) => (p === null ? m.serviceArea : [p])))],
      expertise: m.expertise,
      sectors: m.sectors,
      districtCodes: m.districtCodes,
      districtNames: m.districtCodes.map((c) => names.get(c) ?? c),
      capacity: m.capacity,
      recruitmentTarget: m.recruitmentTarget,
      contactEveryDays: m.contactEveryDays,
      active: m.active,
      ...counts.get(mentorKey(m.operatorId, m.userId))!,
    }));
  }

  /** One mentor visible in the scope; 404 for a mentor of another kecamatan exactly as for a missing one. */
  async function findVisible(scope: Scope, userId: string, operatorId?: string): Promise<MentorEntry> {
    const ops = scopeOperatorIds(scope);
    const found = await loadMentors(db, {
      userIds: [userId],
      operatorIds: operatorId ? (ops && !ops.includes(operatorId) ? [] : [operatorId]) : ops,
    });
    const mentor = found.find((m) => mentorVisible(scope, m));
    if (!mentor) throw mentorNotFound();
    return mentor;
  }

  /** Kecamatan codes the profile may list: real kecamatan, inside the mentor's role region, the operator and the caller's scope. */
  async function checkDistricts(scope: Scope, mentor: MentorEntry, codes: string[]) {
    const known = codes.length
      ? await db.select({ code: regions.code, level: regions.level }).from(regions).where(inArray(regions.code, codes))
      : [];
    const problems: ErrorDetail[] = [];
    codes.forEach((code, i) => {
      const path = `districtCodes.${i}`;
      if (known.find((r) => r.code === code)?.level !== 3)
        problems.push({
          path,
          code: 'unknown_region',
          message: 'Pilih kecamatan yang terdaftar',
          en: 'Choose a listed kecamatan',
        });
      else if (
        !withinServiceArea(code, mentor.serviceArea) ||
        !mentorMayServe(mentor, code) ||
        !inScope(scope, { operatorId: mentor.operatorId, regionCode: code })
      )
        problems.push({
          path,
          code: 'outside_mentor_area',
          message: 'Kecamatan di luar wilayah tugas pendamping ini',
          en: "Kecamatan outside this mentor's area",
        });
    });
    if (problems.length) throw AppError.validation(problems);
  }

  return {
    async listMentors(
      actor: Actor | undefined,
      q: { operatorId?: string; districtCode?: string; q?: string },
    ): Promise<{ items: MentorView[] }> {
      const scope = requireAccess(actor, 'mentoring.read');
      const ops = scopeOperatorIds(scope);
      const operatorIds = q.operatorId ? (ops && !ops.includes(q.operatorId) ? [] : [q.operatorId]) : ops;
      const mentors = (await loadMentors(db, { operatorIds, q: q.q?.trim() || undefined })).filter(
        (m) => mentorVisible(scope, m) && (!q.districtCode || mentorCovers(m, q.districtCode)),
      );
      return { items: await present(mentors) };
    },

    async getMentor(actor: Actor | undefined, userId: string, operatorId?: string): Promise<MentorView> {
      const scope = requireAccess(actor, 'mentoring.read');
      const [view] = await present([await findVisible(scope, userId, operatorId)]);
      return view;
    },

    async updateProfile(actor: Actor | undefined, userId: string, input: MentorProfileInput): Promise<MentorView> {
      const scope = requireAccess(actor, 'mentoring.manage');
      const mentor = await findVisible(scope, userId, input.operatorId);
      const districtCodes = [...new Set(input.districtCodes)].sort();
      await checkDistricts(scope, mentor, districtCodes);
      const values = {
        expertise: [...new Set(input.expertise)],
        sectors: [...new Set(input.sectors)],
        districtCodes,
        capacity: input.capacity,
        recruitmentTarget: input.recruitmentTarget ?? null,
        contactEveryDays: input.contactEveryDays,
        active: input.active,
      };
      await db.transaction(async (tx) => {
        await tx
          .insert(mentorProfiles)
          .values({ operatorId: mentor.operatorId, userId, ...values })
          .onConflictDoUpdate({
            target: [mentorProfiles.operatorId, mentorProfiles.userId],
            set: { ...values, updatedAt: new Date() },
          });
        const { expertise, sectors, capacity, recruitmentTarget, contactEveryDays, active } = mentor;
        await recordAudit(tx, actor!, {
          action: 'update',
          entity: 'mentor_profile',
          entityId: userId,
          operatorId: mentor.operatorId,
          before: {
            expertise,
            sectors,
            districtCodes: mentor.districtCodes,
            capacity,
            recruitmentTarget,
            contactEveryDays,
            active,
          },
          after: values,
        });
      });
      const [updated] = await loadMentors(db, { userIds: [userId], operatorIds: [mentor.operatorId] });
      return (await present([updated]))[0];
    },
  };
}

export type MentorsService = ReturnType<typeof makeMentorsService>;
