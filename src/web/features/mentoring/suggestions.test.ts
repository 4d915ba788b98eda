import { describe, expect, it } from 'vitest';
import { topSuggestions } from './suggestions.js';

const s = (userId: string, score: number, reasons: string[]) => ({
  userId,
  name: userId,
  score,
  reasons,
  caseload: 1,
  capacity: 10,
});

describe('assignment suggestions for a selection', () => {
  it('ranks the mentor suggested for most of the people first, then by score, and merges the reasons', () => {
    const picks = topSuggestions({
      items: [
        { personId: 'p1', suggestions: [s('ani', 9, ['same_district']), s('budi', 5, ['spare_capacity'])] },
        { personId: 'p2', suggestions: [s('budi', 4, ['sector_match']), s('citra', 8, ['same_district'])] },
        { personId: 'p3', suggestions: [s('budi', 3, ['spare_capacity']), s('dedi', 1, [])] },
      ],
    });
    expect(picks.map((p) => p.userId)).toEqual(['budi', 'ani', 'citra']);
    expect(picks[0]).toMatchObject({ people: 3, score: 12, reasons: ['spare_capacity', 'sector_match'] });
  });

  it('is empty without an answer', () => {
    expect(topSuggestions(undefined)).toEqual([]);
  });
});
