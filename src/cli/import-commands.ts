import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../server/modules/access/actor.js';
import type { Counts } from '../server/modules/imports/import-run.js';
import { IMPORT_QUEUE } from '../server/modules/imports/imports.service.js';
import type { Platform } from '../server/platform/platform.js';
import type { Services } from '../server/services.js';
import { formatNumber } from '../shared/format.js';
import { withPlatform } from './context.js';

type ImportCliOptions = {
  operator: string;
  program?: string;
  track?: string;
  sheet?: string;
  headerRow?: string;
  mode?: 'create' | 'upsert';
  dryRun?: boolean;
  asMembers?: boolean;
};

/** A progress line on the terminal: rows done of total, percent and time left, rewritten in place. */
function progressLine() {
  const started = Date.now();
  let last = 0;
  return async (done: number, total?: number) => {
    const now = Date.now();
    if (now - last < 200 && done !== total) return;
    last = now;
    const pct = total ? Math.floor((done / total) * 100) : 0;
    const eta = total && done ? Math.round((((now - started) / done) * (total - done)) / 1000) : null;
    const text = `  ${formatNumber(done)} / ${formatNumber(total ?? 0)} baris (${pct}%)${eta !== null ? ` · ± ${eta} dtk lagi` : ''}`;
    process.stderr.write(process.stderr.isTTY ? `\r${text}   ` : `${text}\n`);
  };
}

export function registerImportCommands(program: Command) {
  const imports = program.command('import').description('Impor data dari Excel/CSV / import data from spreadsheets');
  imports
    .command('participants')
    .argument('<file>', 'berkas .xlsx atau .csv / the .xlsx or .csv file')
    .requiredOption('--operator <id>', 'operator (id) yang memiliki data / the operator the people belong to')
    .option('--program <id>', 'program')
    .option('--track <id>', 'jalur program: peserta didaftarkan ke jalur ini / enroll everyone in this track')
    .option('--sheet <name>', 'nama lembar (bawaan: lembar pertama) / sheet name (default: the first)')
    .option('--header-row <n>', 'baris judul kolom (bawaan: ditebak) / header row (default: guessed)')
    .option('--mode <mode>', 'create (NIK yang sudah ada dilewati) | upsert (diperbarui)', 'create')
    .option('--dry-run', 'periksa saja, tidak menyimpan / check only, write nothing')
    .option('--as-members', 'sudah menjadi anggota (diterima) / already members (accepted)')
    .description('Impor peserta / import participants')
    .action(async (file: string, o: ImportCliOptions) => {
      if (!existsSync(file)) throw new Error(`Berkas tidak ada / file not found: ${file}`);
      const actor = systemActor('cli-import');
      const result = await withPlatform(async (platform, services) => {
        const upload = await services.imports.upload(actor, {
          operatorId: o.operator,
          filename: path.basename(file),
          body: createReadStream(file),
        });
        const { id } = await services.imports.start(actor, {
          operatorId: o.operator,
          fileId: upload.fileId,
          programId: o.program,
          trackId: o.track,
          sheet: o.sheet,
          headerRow: o.headerRow ? Number(o.headerRow) : undefined,
          mode: o.mode,
          dryRun: !!o.dryRun,
          asMembers: !!o.asMembers,
        });
        console.error(`Impor ${id}: ${upload.fileName}`);
        return follow(platform, services, id);
      });
      report(result, !!o.dryRun);
    });

  imports
    .command('resume')
    .argument('<id>', 'id impor yang gagal / the id of the failed import')
    .description('Lanjutkan impor yang terhenti / continue an import that stopped')
    .action(async (id: string) => {
      const result = await withPlatform(async (platform, services) => {
        await services.imports.resume(systemActor('cli-import'), id);
        return follow(platform, services, id);
      });
      report(result, false);
    });
}

/**
 * Works the import queue in this process (a server sharing the PostgreSQL database may take the job instead: the
 * same job the web starts) and shows the import's progress until it ends.
 */
async function follow(platform: Platform, services: Services, id: string) {
  await platform.jobs.start({ queues: [IMPORT_QUEUE] });
  const show = progressLine();
  for (;;) {
    const imp = await services.imports.get(systemActor('cli-import'), id);
    await show(imp.progress.done, imp.progress.total ?? undefined);
    if (imp.status === 'done') return { id, counts: imp.counts };
    if (imp.status === 'failed')
      throw new Error(`Impor gagal / import failed: ${imp.error?.message ?? ''} — npx sentra import resume ${id}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function report(result: { id: string; counts: Counts }, dryRun: boolean) {
  process.stderr.write('\n');
  const c = result.counts;
  console.log(
    [
      `${dryRun ? 'Uji coba (tidak ada yang disimpan) / dry run' : 'Selesai / done'}: ${formatNumber(c.total)} baris / rows`,
      `  diimpor / imported:     ${formatNumber(c.imported)}`,
      `  diperbarui / updated:   ${formatNumber(c.updated)}`,
      `  duplikat / duplicates:  ${formatNumber(c.duplicates)}`,
      `  ditolak / rejected:     ${formatNumber(c.rejected)}`,
      `Rincian / details: GET /api/imports/${result.id}/rejected.xlsx`,
    ].join('\n'),
  );
}
