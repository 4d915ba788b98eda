import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { inScope, requireAccess } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { MembersService } from '../members/members.service.js';
import { operators } from '../operators/operators.schema.js';
import { personTarget, todayWib } from '../participants/journey.service.js';
import { people } from '../participants/participants.schema.js';
import { certificatePdf } from './certificate-pdf.js';
import { certificates, courses, trainingWaves } from './trainings.schema.js';
import { atOperator, optionalScope } from './trainings-common.js';

const CERTIFICATE = { id: 'Sertifikat', en: 'Certificate' };

/** Certificates of completion: the PDF for staff and the holder, the public check behind the QR, revocation. */
export function makeCertificatesService(db: Db, deps: { members: MembersService; baseUrl: string }) {
  async function find(where: SQL) {
    const [row] = await db
      .select({
        certificate: certificates,
        person: {
          id: people.id,
          fullName: people.fullName,
          operatorId: people.operatorId,
          domicileDistrictCode: people.domicileDistrictCode,
        },
        wave: {
          name: trainingWaves.name,
          startsOn: trainingWaves.startsOn,
          endsOn: trainingWaves.endsOn,
        },
        courseTitle: courses.title,
        operatorName: operators.name,
      })
      .from(certificates)
      .innerJoin(people, eq(people.id, certificates.personId))
      .innerJoin(trainingWaves, eq(trainingWaves.id, certificates.waveId))
      .innerJoin(courses, eq(courses.id, trainingWaves.courseId))
      .innerJoin(operators, eq(operators.id, certificates.operatorId))
      .where(where);
    return row;
  }

  const verifyUrl = (token: string) => `${deps.baseUrl}/verifikasi/${token}`;

  return {
    /** The PDF, for staff who may read trainings of the holder's kecamatan, or for the holder themself. */
    async pdf(actor: Actor | undefined, id: string): Promise<{ serial: string; pdf: Buffer }> {
      const row = await find(eq(certificates.id, id));
      const scope = optionalScope(actor, 'trainings.read');
      if (scope) {
        if (!row || !inScope(scope, personTarget(row.person))) throw AppError.notFound(CERTIFICATE);
      } else {
        const me = await deps.members.personOf(actor);
        if (!row || row.person.id !== me.id) throw AppError.notFound(CERTIFICATE);
      }
      const c = row.certificate;
      if (c.revokedAt)
        throw new AppError('CONFLICT', { id: 'Sertifikat ini sudah dicabut', en: 'This certificate has been revoked' });
      const pdf = await certificatePdf({
        operatorName: row.operatorName,
        holderName: row.person.fullName,
        courseTitle: row.courseTitle,
        waveName: row.wave.name,
        startsOn: row.wave.startsOn,
        endsOn: row.wave.endsOn,
        hours: c.hours,
        serial: c.serial,
        issuedOn: todayWib(c.issuedAt),
        verifyUrl: verifyUrl(c.verifyToken),
      });
      return { serial: c.serial, pdf };
    },

    /** What the public verification page shows: enough to confirm the paper, nothing more (no NIK, no address). */
    async verify(token: string) {
      const row = await find(eq(certificates.verifyToken, token));
      if (!row) throw AppError.notFound(CERTIFICATE);
      const c = row.certificate;
      return {
        valid: c.revokedAt === null,
        serial: c.serial,
        holderName: row.person.fullName,
        courseTitle: row.courseTitle,
        waveName: row.wave.name,
        startsOn: row.wave.startsOn,
        endsOn: row.wave.endsOn,
        hours: c.hours,
        operatorName: row.operatorName,
        issuedAt: c.issuedAt,
        revoked: c.revokedAt !== null,
        revokedAt: c.revokedAt,
      };
    },

    /** Withdraws a certificate issued in error; the verification page then says so. */
    async revoke(actor: Actor | undefined, id: string, input: { reason: string }) {
      requireAccess(actor, 'trainings.manage');
      const row = await find(eq(certificates.id, id));
      requireAccess(actor, 'trainings.manage', row ? atOperator(row.certificate.operatorId) : undefined, CERTIFICATE);
      if (row!.certificate.revokedAt)
        throw new AppError('CONFLICT', {
          id: 'Sertifikat ini sudah dicabut',
          en: 'This certificate has already been revoked',
        });
      await db.transaction(async (tx) => {
        const revokedAt = new Date();
        await tx.update(certificates).set({ revokedAt }).where(eq(certificates.id, id));
        await recordAudit(tx, actor!, {
          action: 'revoke',
          entity: 'certificate',
          entityId: id,
          operatorId: row!.certificate.operatorId,
          before: { serial: row!.certificate.serial, revokedAt: null },
          after: { serial: row!.certificate.serial, revokedAt },
          reason: input.reason,
        });
      });
      return { id, serial: row!.certificate.serial, revoked: true as const };
    },
  };
}

export type CertificatesService = ReturnType<typeof makeCertificatesService>;
