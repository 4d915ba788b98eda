import type { Services } from '../../services.js';
import type { Actor } from '../access/actor.js';
import type { Track } from '../programs/programs.service.js';
import { kecamatanWeights } from './demo-names.js';

/** The demo program, modelled on Depok's: WUB for residents 17+, Perempuan Pengusaha for women 18+ with a letter. */
export const DEMO_PROGRAM = 'Wira Usaha Baru 2024–2026';
export const PROGRAM_START = '2024-01-01';
const TARGETS = { WUB: 1200, PP: 300 };

/** Splits a yearly target over the kecamatan by weight, rounding so the parts add up to the whole. */
export function splitTarget(total: number, weights: Record<string, number>): Array<[string, number]> {
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  const exact = Object.entries(weights).map(([code, w]) => [code, (total * w) / sum] as const);
  const parts = exact.map(([code, x]) => [code, Math.floor(x)] as [string, number]);
  const byRemainder = exact.map(([, x], i) => [i, x - Math.floor(x)] as const).sort((a, b) => b[1] - a[1]);
  const missing = total - parts.reduce((s, [, n]) => s + n, 0);
  for (let k = 0; k < missing; k++) parts[byRemainder[k][0]][1]++;
  return parts;
}

/** The demo program with its two tracks and this year's targets, through the programs service; idempotent. */
export async function ensureProgram(services: Services, actor: Actor, operatorId: string, year: number) {
  const { items } = await services.programs.list(actor, { operatorId, page: 1, pageSize: 100 });
  const program =
    items.find((p) => p.name === DEMO_PROGRAM) ??
    (await services.programs.create(actor, {
      operatorId,
      name: DEMO_PROGRAM,
      description: 'Program wirausaha baru Kota Depok: 5.000 wirausaha baru dan 1.000 perempuan pengusaha (demo).',
      startsOn: PROGRAM_START,
      endsOn: '2026-12-31',
    }));
  const wub =
    program.tracks.find((t) => t.code === 'WUB') ??
    (await services.programs.createTrack(actor, program.id, {
      code: 'WUB',
      name: 'Wira Usaha Baru',
      minAge: 17,
      residencyPrefix: '32.76',
      requiredDocuments: ['ktp', 'kk'],
      quota: 5000,
    }));
  const pp =
    program.tracks.find((t) => t.code === 'PP') ??
    (await services.programs.createTrack(actor, program.id, {
      code: 'PP',
      name: 'Perempuan Pengusaha',
      minAge: 18,
      sex: 'P',
      residencyPrefix: '32.76',
      requiredDocuments: ['ktp', 'kk', 'recommendation_letter'],
      quota: 1000,
    }));
  const current = await services.programs.listTargets(actor, program.id, { year });
  // Targets a demo user has changed are left as they are.
  if (current.total === 0) {
    const items = [wub, pp].flatMap((track) =>
      splitTarget(TARGETS[track.code as 'WUB' | 'PP'], kecamatanWeights).map(([districtCode, target]) => ({
        trackId: track.id,
        year,
        districtCode,
        target,
      })),
    );
    await services.programs.putTargets(actor, program.id, items);
  }
  return { program, tracks: { WUB: wub, PP: pp } as Record<'WUB' | 'PP', Track> };
}
