import type { Readable } from 'node:stream';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { documentKinds } from '../../../shared/participants.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { FileMeta, Files } from '../../platform/files/files.js';
import { files as fileRows } from '../../platform/files/files.schema.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { alreadyMerged, loadPersonFor } from './journey.service.js';
import { businesses, participantFiles } from './participants.schema.js';

export type DocumentUpload = {
  kind: (typeof documentKinds)[number];
  businessId?: string | null;
  filename: string;
  body: Readable | Buffer;
};

export type ParticipantDocument = {
  id: string;
  kind: string;
  businessId: string | null;
  fileId: string;
  originalName: string;
  contentType: string;
  size: number;
  createdAt: Date;
};

const documentView = {
  id: participantFiles.id,
  kind: participantFiles.kind,
  businessId: participantFiles.businessId,
  fileId: participantFiles.fileId,
  originalName: fileRows.originalName,
  contentType: fileRows.contentType,
  size: fileRows.size,
  createdAt: participantFiles.createdAt,
};

/**
 * Documents and photos of a participant (KTP, KK, recommendation letter, business photos): the bytes live in the
 * platform file store, the link to the person in participant_files. Every read checks the person's scope.
 */
export function makeDocumentsService(db: Db, files: Files) {
  async function findDocument(personId: string, docId: string) {
    const [row] = await db
      .select(documentView)
      .from(participantFiles)
      .innerJoin(fileRows, eq(fileRows.id, participantFiles.fileId))
      .where(and(eq(participantFiles.id, docId), eq(participantFiles.personId, personId)));
    if (!row) throw AppError.notFound({ id: 'Dokumen', en: 'Document' });
    return row;
  }

  /** Checks the person (and business) before any byte is read, so a refused upload costs nothing to store. */
  async function checkTarget(actor: Actor | undefined, personId: string, input: { businessId?: string | null }) {
    const person = await loadPersonFor(db, actor, personId, 'participants.write');
    if (person.status === 'merged') throw alreadyMerged();
    if (input.businessId) {
      const [owned] = await db
        .select({ id: businesses.id })
        .from(businesses)
        .where(and(eq(businesses.id, input.businessId), eq(businesses.personId, person.id)));
      if (!owned) {
        throw AppError.validation([
          {
            path: 'businessId',
            code: 'unknown_business',
            message: 'Usaha ini bukan milik peserta tersebut',
            en: 'This business does not belong to this participant',
          },
        ]);
      }
    }
    return person;
  }

  return {
    /**
     * Stores the file, then links it to the person with an audit entry in one transaction. Should the link fail,
     * the stored file (with its own audit entry) stays behind unlinked; no link ever points to a missing file.
     */
    async upload(actor: Actor | undefined, personId: string, input: DocumentUpload): Promise<ParticipantDocument> {
      const person = await checkTarget(actor, personId, input);
      const purpose = input.kind === 'business_photo' ? 'photo' : 'document';
      const meta: FileMeta = await files.saveUpload(actor, {
        operatorId: person.operatorId,
        purpose,
        filename: input.filename,
        body: input.body,
      });
      const link = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(participantFiles)
          .values({
            operatorId: person.operatorId,
            personId: person.id,
            businessId: input.businessId ?? null,
            fileId: meta.id,
            kind: input.kind,
          })
          .returning();
        await recordAudit(tx, actor!, {
          action: 'create',
          entity: 'participant_document',
          entityId: created.id,
          operatorId: person.operatorId,
          after: {
            personId: person.id,
            businessId: created.businessId,
            kind: created.kind,
            fileId: meta.id,
            originalName: meta.originalName,
          },
        });
        return created;
      });
      return {
        id: link.id,
        kind: link.kind,
        businessId: link.businessId,
        fileId: meta.id,
        originalName: meta.originalName,
        contentType: meta.contentType,
        size: meta.size,
        createdAt: link.createdAt,
      };
    },

    async list(actor: Actor | undefined, personId: string): Promise<{ items: ParticipantDocument[]; total: number }> {
      const person = await loadPersonFor(db, actor, personId, 'participants.read');
      const items = await db
        .select(documentView)
        .from(participantFiles)
        .innerJoin(fileRows, eq(fileRows.id, participantFiles.fileId))
        .where(eq(participantFiles.personId, person.id))
        .orderBy(desc(participantFiles.createdAt), sql`${participantFiles.id}`);
      return { items, total: items.length };
    },

    /** The bytes of one document; who looked is recorded (audit `view_document`). */
    async open(actor: Actor | undefined, personId: string, docId: string) {
      const person = await loadPersonFor(db, actor, personId, 'participants.read');
      const doc = await findDocument(person.id, docId);
      const { meta, stream } = await files.open(actor, doc.fileId);
      await recordAudit(db, actor!, {
        action: 'view_document',
        entity: 'participant_document',
        entityId: doc.id,
        operatorId: person.operatorId,
      });
      return { meta, stream };
    },

    /** Removes the link only: the file row and its bytes stay, as the audit trail refers to them. */
    async remove(actor: Actor | undefined, personId: string, docId: string): Promise<void> {
      const person = await loadPersonFor(db, actor, personId, 'participants.write');
      if (person.status === 'merged') throw alreadyMerged();
      const doc = await findDocument(person.id, docId);
      await db.transaction(async (tx) => {
        await tx.delete(participantFiles).where(eq(participantFiles.id, doc.id));
        await recordAudit(tx, actor!, {
          action: 'delete',
          entity: 'participant_document',
          entityId: doc.id,
          operatorId: person.operatorId,
          before: {
            personId: person.id,
            businessId: doc.businessId,
            kind: doc.kind,
            fileId: doc.fileId,
            originalName: doc.originalName,
          },
        });
      });
    },
  };
}

export type DocumentsService = ReturnType<typeof makeDocumentsService>;
