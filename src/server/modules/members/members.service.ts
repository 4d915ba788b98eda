import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { maskNik } from '../../../shared/nik.js';
import { account, user } from '../../platform/auth/auth.schema.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, pgErrorOf } from '../../platform/errors.js';
import type { CodeSigner } from '../../platform/signed-codes.js';
import { signInFirst } from '../access/access.js';
import { roleAssignments } from '../access/access.schema.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { operators } from '../operators/operators.schema.js';
import { alreadyMerged, type JourneyService, loadPersonFor } from '../participants/journey.service.js';
import { businesses, people } from '../participants/participants.schema.js';
import type { Person } from '../participants/presenters.js';
import { regions } from '../regions/regions.schema.js';
import { memberCardPdf } from './member-card-pdf.js';
import { memberAccounts } from './members.schema.js';

/** The kind letter of a member-card code (see signed-codes.ts). */
const MEMBER_CODE = 'M';

const notAMember = () =>
  AppError.forbidden({
    id: 'Akun ini belum terhubung dengan data peserta',
    en: 'This account is not linked to a participant record',
  });

export const invalidMemberCode = () =>
  AppError.validation(
    [
      {
        path: 'memberCode',
        code: 'invalid_member_code',
        message: 'Kode QR bukan kartu anggota Sentra yang sah',
        en: 'The QR code is not a valid Sentra member card',
      },
    ],
    { id: 'Kode QR tidak dikenali', en: 'QR code not recognised' },
  );

/**
 * Members as users of Sentra: the account that ties a business owner's sign-in to their person record, and the
 * code on their member card. Trainings and mentoring ask this service "who is this member?" and nothing else.
 */
export function makeMembersService(db: Db, codes: CodeSigner, deps: { journey: JourneyService }) {
  async function personOf(actor: Actor | undefined): Promise<Person> {
    if (!actor) throw signInFirst();
    if (actor.kind !== 'user') throw notAMember();
    const [row] = await db
      .select({ person: people })
      .from(memberAccounts)
      .innerJoin(people, eq(people.id, memberAccounts.personId))
      .where(and(eq(memberAccounts.userId, actor.userId), ne(people.status, 'merged')));
    if (!row) throw notAMember();
    return row.person;
  }

  const codeOf = (personId: string) => codes.sign(MEMBER_CODE, [personId]);

  /** What the card and the member's home page show about a person. */
  async function cardFacts(person: Person) {
    const names = await db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(inArray(regions.code, [person.domicileDistrictCode, person.domicileVillageCode]));
    const [op] = await db.select({ name: operators.name }).from(operators).where(eq(operators.id, person.operatorId));
    const nameOf = (code: string) => names.find((n) => n.code === code)?.name ?? code;
    return {
      personId: person.id,
      fullName: person.fullName,
      nikMasked: maskNik(person.nik),
      operatorName: op?.name ?? '',
      districtName: nameOf(person.domicileDistrictCode),
      villageName: nameOf(person.domicileVillageCode),
      code: codeOf(person.id),
    };
  }

  return {
    /** The person behind a signed-in member account; 403 for staff or an account not linked to a record. */
    personOf,

    /** The code printed as a QR on the member's card: the person id, signed. */
    codeOf,

    /** The person id a scanned member card names; a validation error for anything else. */
    personIdOfCode(code: string): string {
      const parts = codes.verify(MEMBER_CODE, code);
      if (parts?.length !== 1) throw invalidMemberCode();
      return parts[0];
    },

    /** The member-card code of a person the actor may read (staff print cards for members without a phone). */
    async cardOf(actor: Actor | undefined, personId: string) {
      return cardFacts(await loadPersonFor(db, actor, personId, 'participants.read'));
    },

    async cardPdf(actor: Actor | undefined, personId: string) {
      const facts = await cardFacts(await loadPersonFor(db, actor, personId, 'participants.read'));
      return { fullName: facts.fullName, pdf: await memberCardPdf(facts) };
    },

    /** The signed-in member's own record: who they are, their card code, their businesses and the 7 stages. */
    async me(actor: Actor | undefined) {
      const person = await personOf(actor);
      const owned = await db
        .select({ id: businesses.id, name: businesses.name, status: businesses.status })
        .from(businesses)
        .where(eq(businesses.personId, person.id));
      const stages = await deps.journey.stagesOf([person.id]);
      return {
        ...(await cardFacts(person)),
        phone: person.phone,
        email: person.email,
        status: person.status,
        businesses: owned,
        stages: stages.get(person.id)!,
      };
    },

    async myCardPdf(actor: Actor | undefined) {
      const facts = await cardFacts(await personOf(actor));
      return { fullName: facts.fullName, pdf: await memberCardPdf(facts) };
    },

    /** Whether a person has a member account, and its login. */
    async accountOf(actor: Actor | undefined, personId: string) {
      await loadPersonFor(db, actor, personId, 'participants.read');
      const [row] = await db
        .select({
          userId: user.id,
          phoneNumber: user.phoneNumber,
          email: user.email,
          createdAt: memberAccounts.createdAt,
        })
        .from(memberAccounts)
        .innerJoin(user, eq(user.id, memberAccounts.userId))
        .where(eq(memberAccounts.personId, personId));
      return row ?? null;
    },

    /**
     * Opens a member account for a person: a user signing in with the person's phone number, role `participant` in
     * the person's kecamatan. Without a password one is generated and returned once, for the staff to hand over.
     */
    async createAccount(actor: Actor | undefined, personId: string, input: { password?: string | null } = {}) {
      const person = await loadPersonFor(db, actor, personId, 'participants.write');
      if (person.status === 'merged') throw alreadyMerged();
      if (!person.phone)
        throw AppError.validation([
          {
            path: 'phone',
            code: 'phone_required',
            message: 'Isi nomor HP peserta dulu: akun anggota masuk dengan nomor HP',
            en: "Add the participant's phone number first: member accounts sign in with it",
          },
        ]);
      const password = input.password ?? randomBytes(6).toString('base64url');
      const passwordHash = await hashPassword(password);
      try {
        const created = await db.transaction(async (tx) => {
          const [existing] = await tx.select().from(memberAccounts).where(eq(memberAccounts.personId, person.id));
          if (existing)
            throw new AppError('MEMBER_ACCOUNT_EXISTS', {
              id: 'Peserta ini sudah punya akun anggota',
              en: 'This participant already has a member account',
            });
          const id = randomUUID();
          await tx.insert(user).values({
            id,
            name: person.fullName,
            email: person.email,
            phoneNumber: person.phone,
            emailVerified: false,
            phoneNumberVerified: false,
            operatorId: person.operatorId,
          });
          await tx
            .insert(account)
            .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
          await tx.insert(roleAssignments).values({
            userId: id,
            role: 'participant',
            operatorId: person.operatorId,
            regionPrefix: person.domicileDistrictCode,
            createdBy: actor!.kind === 'user' ? actor!.userId : null,
          });
          await tx.insert(memberAccounts).values({
            userId: id,
            personId: person.id,
            operatorId: person.operatorId,
            createdBy: actor!.kind === 'user' ? actor!.userId : null,
          });
          await recordAudit(tx, actor!, {
            action: 'create_member_account',
            entity: 'participant',
            entityId: person.id,
            operatorId: person.operatorId,
            after: { userId: id },
          });
          return { userId: id, login: person.phone! };
        });
        return { ...created, password: input.password ? null : password };
      } catch (err) {
        if (pgErrorOf(err)?.code === '23505')
          throw new AppError('LOGIN_TAKEN', {
            id: 'Nomor HP atau email ini sudah dipakai akun lain',
            en: 'This phone number or email is already used by another account',
          });
        throw err;
      }
    },
  };
}

export type MembersService = ReturnType<typeof makeMembersService>;
