import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Database } from '../../platform/db/client.js';

const LEVEL_FILES = [
  { file: 'provinces.csv', level: 1, parentColumn: null },
  { file: 'regencies.csv', level: 2, parentColumn: 'province_code' },
  { file: 'districts.csv', level: 3, parentColumn: 'regency_code' },
  { file: 'villages.csv', level: 4, parentColumn: 'district_code' },
] as const;

function dataFolder(): string {
  // The package's JS API needs Node 22; its CSV files are read directly, which works on any Node.
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/** Parses one idn-area-data CSV into [code, parent, name] rows (names may be quoted and contain commas). */
export function parseAreaCsv(text: string): Array<[string, string | null, string]> {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0]);
  const codeIdx = header.indexOf('code');
  const nameIdx = header.indexOf('name');
  const parentIdx = header.findIndex((h) => h.endsWith('_code'));
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    return [cells[codeIdx], parentIdx >= 0 ? cells[parentIdx] : null, cells[nameIdx]];
  });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const csvCell = (v: string | null) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`);

/**
 * Loads all provinces, kab/kota, kecamatan and villages on first start (one COPY, ≈91 k rows).
 * Does nothing when the table already holds data, so later starts stay fast. `villagesWithin` keeps only the
 * villages of some kab/kota (test databases start faster with 8 k rows than with 91 k).
 */
export async function ensureRegionsLoaded(
  database: Database,
  options: { villagesWithin?: string[] } = {},
): Promise<{ loaded: number }> {
  const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
  if (n > 0) return { loaded: 0 };
  const folder = dataFolder();
  const rows: string[] = ['code,level,parent_code,name'];
  for (const { file, level } of LEVEL_FILES) {
    const parsed = parseAreaCsv(await readFile(path.join(folder, file), 'utf8'));
    const keep = (code: string) =>
      level < 4 || !options.villagesWithin || options.villagesWithin.some((p) => code.startsWith(`${p}.`));
    for (const [code, parent, name] of parsed)
      if (keep(code)) rows.push(`${csvCell(code)},${level},${csvCell(parent)},${csvCell(name)}`);
  }
  await database.copyCsv('regions', ['code', 'level', 'parent_code', 'name'], `${rows.join('\n')}\n`);
  return { loaded: rows.length - 1 };
}
