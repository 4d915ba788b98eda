import type { Suggestions } from './mentoring-types.js';

export type MentorPick = { userId: string; name: string; reasons: string[]; people: number; score: number };

/** The suggestions per person folded into one list: a mentor suggested for more of the chosen people ranks higher. */
export function topSuggestions(data: Suggestions | undefined, limit = 3): MentorPick[] {
  const byMentor = new Map<string, MentorPick>();
  for (const item of data?.items ?? []) {
    for (const s of item.suggestions) {
      const p = byMentor.get(s.userId) ?? { userId: s.userId, name: s.name, reasons: [], people: 0, score: 0 };
      p.people += 1;
      p.score += s.score;
      for (const r of s.reasons) if (!p.reasons.includes(r)) p.reasons.push(r);
      byMentor.set(s.userId, p);
    }
  }
  return [...byMentor.values()].sort((a, b) => b.people - a.people || b.score - a.score).slice(0, limit);
}
