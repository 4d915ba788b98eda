import { describe, expect, it } from 'vitest';
import { diffRecords } from './audit.service.js';

describe('diffRecords', () => {
  it('keeps only the fields that changed, with before and after', () => {
    expect(
      diffRecords(
        { name: 'A', phone: '1', at: new Date('2026-01-01') },
        { name: 'B', phone: '1', at: new Date('2026-01-01') },
      ),
    ).toEqual({ name: { before: 'A', after: 'B' } });
  });

  it('records every field of a created or deleted record', () => {
    expect(diffRecords(null, { name: 'A', note: null })).toEqual({ name: { after: 'A' }, note: { after: null } });
    expect(diffRecords({ name: 'A' }, null)).toEqual({ name: { before: 'A' } });
  });

  it('never records secrets', () => {
    expect(diffRecords(null, { name: 'A', password: 'x', token: 'y' })).toEqual({ name: { after: 'A' } });
  });
});
