import { systemActor } from '../../src/server/modules/access/actor.js';
import type { TrackInput } from '../../src/server/modules/programs/programs.service.js';
import type { TestApp } from './test-app.js';

const system = systemActor('test');
let seq = 0;

/**
 * A program with one track, made through the programs service; defaults look like Depok's WUB track (17+, Depok
 * domicile, no quota). For tests of selection that need a track but do not test programs.
 */
export async function createTrack(t: TestApp, spec: Partial<TrackInput> & { operatorId: string }) {
  const { operatorId, ...overrides } = spec;
  const program = await t.services.programs.create(system, {
    operatorId,
    name: `Wira Usaha Uji ${Date.now().toString(36)}${seq++}`,
    startsOn: '2024-01-01',
    endsOn: '2026-12-31',
  });
  const track = await t.services.programs.createTrack(system, program.id, {
    code: 'WUB',
    name: overrides.code === 'PP' ? 'Perempuan Pengusaha' : 'Wira Usaha Baru',
    minAge: 17,
    residencyPrefix: '32.76',
    ...overrides,
  });
  return { program, track };
}
