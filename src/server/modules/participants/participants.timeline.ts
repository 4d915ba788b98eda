import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { formatDate } from '../../../shared/format.js';
import { stages } from '../../../shared/participants.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { Db } from '../../platform/db/client.js';
import { auditLog } from '../audit/audit.schema.js';
import { tracks } from '../programs/programs.schema.js';
import { businesses, businessStatusEvents, enrollments, selectionEvents, stageEvents } from './participants.schema.js';

export type TimelineItem = {
  at: Date;
  kind: 'audit' | 'stage' | 'selection' | 'business_status';
  title: string;
  detail: string | null;
  by: string | null;
};

// Each source is capped; a person's history is read by people, a thousand entries is already more than anyone scrolls.
const LIMIT = 500;

const stageLabel: Record<string, string> = { not_started: 'belum mulai', in_progress: 'berjalan', done: 'selesai' };
const selectionLabel: Record<string, string> = {
  applicant: 'mendaftar',
  documents_checked: 'dokumen diperiksa',
  interviewed: 'diwawancarai',
  accepted: 'diterima',
  waitlisted: 'masuk daftar tunggu',
  rejected: 'ditolak',
};
const businessLabel: Record<string, string> = {
  active: 'aktif',
  moved: 'pindah',
  paused: 'berhenti sementara',
  closed: 'tutup',
};
const auditTitle: Record<string, string> = {
  'participant.create': 'Pendaftaran dicatat',
  'participant.update': 'Data peserta diubah',
  'participant.view_nik': 'NIK lengkap dilihat',
  'participant.merge': 'Data peserta digabung',
  'participant.distinct': 'Ditandai bukan data ganda',
  'business.create': 'Usaha ditambahkan',
  'business.update': 'Data usaha diubah',
};

// What a clerk calls the fields that change; bookkeeping columns are not news to anyone.
const fieldLabels: Record<string, string> = {
  fullName: 'nama',
  phone: 'nomor HP',
  email: 'email',
  ktpAddress: 'alamat KTP',
  domicileAddress: 'alamat domisili',
  domicileVillageCode: 'kelurahan domisili',
  status: 'status',
  name: 'nama usaha',
  kbli: 'KBLI',
  productType: 'jenis produk',
  legalForm: 'bentuk usaha',
  nib: 'NIB',
  foundedOn: 'tanggal berdiri',
  address: 'alamat usaha',
  villageCode: 'kelurahan usaha',
  employeesMale: 'karyawan laki-laki',
  employeesFemale: 'karyawan perempuan',
  monthlyRevenue: 'omzet',
  channels: 'saluran penjualan',
};

function auditDetail(action: string, changes: unknown, reason: string | null): string | null {
  const fields = action === 'update' && changes && typeof changes === 'object' ? Object.keys(changes) : [];
  const labels = [...new Set(fields.map((f) => fieldLabels[f]).filter(Boolean))];
  const parts = [labels.length ? `Diubah: ${labels.join(', ')}` : null, reason ? `Alasan: ${reason}` : null];
  return parts.filter(Boolean).join(' · ') || null;
}

/**
 * One person's history, newest first, gathered from the audit trail (the person and their businesses), the 7 PAS
 * stage history, selection decisions and business status changes. Stage changes are audited too; the stage history
 * tells them better, so those audit entries are left out.
 */
export async function timelineOf(db: Db, personId: string): Promise<TimelineItem[]> {
  const ownedIds = db
    .select({ id: sql`${businesses.id}::text` })
    .from(businesses)
    .where(eq(businesses.personId, personId));
  const [audits, stageRows, selections, statuses] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(
        and(
          or(
            and(eq(auditLog.entity, 'participant'), eq(auditLog.entityId, personId)),
            and(eq(auditLog.entity, 'business'), inArray(auditLog.entityId, ownedIds)),
          ),
          ne(auditLog.action, 'stage'),
        ),
      )
      .orderBy(desc(auditLog.at))
      .limit(LIMIT),
    db
      .select({ e: stageEvents, by: user.name })
      .from(stageEvents)
      .leftJoin(user, eq(user.id, stageEvents.recordedBy))
      .where(eq(stageEvents.personId, personId))
      .orderBy(desc(stageEvents.recordedAt))
      .limit(LIMIT),
    db
      .select({ e: selectionEvents, track: tracks.name, by: user.name })
      .from(selectionEvents)
      .innerJoin(enrollments, eq(enrollments.id, selectionEvents.enrollmentId))
      .innerJoin(tracks, eq(tracks.id, enrollments.trackId))
      .leftJoin(user, eq(user.id, selectionEvents.decidedBy))
      .where(eq(enrollments.personId, personId))
      .orderBy(desc(selectionEvents.decidedAt))
      .limit(LIMIT),
    db
      .select({ e: businessStatusEvents, business: businesses.name, by: user.name })
      .from(businessStatusEvents)
      .innerJoin(businesses, eq(businesses.id, businessStatusEvents.businessId))
      .leftJoin(user, eq(user.id, businessStatusEvents.recordedBy))
      .where(eq(businesses.personId, personId))
      .orderBy(desc(businessStatusEvents.recordedAt))
      .limit(LIMIT),
  ]);
  const items: TimelineItem[] = [
    ...audits.map((a) => ({
      at: a.at,
      kind: 'audit' as const,
      title: auditTitle[`${a.entity}.${a.action}`] ?? `${a.entity}: ${a.action}`,
      detail: a.action === 'view_nik' ? null : auditDetail(a.action, a.changes, a.reason),
      by: a.actorName,
    })),
    ...stageRows.map(({ e, by }) => ({
      at: e.recordedAt,
      kind: 'stage' as const,
      title: `Tahap ${e.stage} ${stages.find((s) => s.no === e.stage)?.id ?? ''}: ${stageLabel[e.status] ?? e.status}`,
      detail: [`Tanggal ${formatDate(e.occurredOn)}`, e.note].filter(Boolean).join(' · '),
      by: by ?? null,
    })),
    ...selections.map(({ e, track, by }) => ({
      at: e.decidedAt,
      kind: 'selection' as const,
      title: `Seleksi ${track}: ${selectionLabel[e.toStatus] ?? e.toStatus}`,
      detail: e.notes,
      by: by ?? null,
    })),
    ...statuses.map(({ e, business, by }) => ({
      at: e.recordedAt,
      kind: 'business_status' as const,
      title: `Usaha ${business}: ${businessLabel[e.status] ?? e.status}`,
      detail: [`Berlaku ${formatDate(e.effectiveOn)}`, e.reason, e.newAddress ? `Alamat baru: ${e.newAddress}` : null]
        .filter(Boolean)
        .join(' · '),
      by: by ?? null,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}
