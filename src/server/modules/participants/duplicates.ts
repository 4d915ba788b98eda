/**
 * Near-duplicate rules, pure so they can be property-tested. A one-digit slip in a NIK is the most common error in
 * government aid data: such records are surfaced to staff and never merged silently.
 */

export type NikDistance = 'equal' | 'one_digit' | 'adjacent_swap';

export type DuplicateReason = 'nik_one_digit' | 'nik_swap' | 'same_name_birth_date' | 'same_phone';

/** How two NIKs differ when the difference looks like a typing slip; null when it does not. */
export function nikDistance(a: string, b: string): NikDistance | null {
  if (a.length !== b.length) return null;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && diff.push(i) > 2) return null;
  }
  if (diff.length === 0) return 'equal';
  if (diff.length === 1) return 'one_digit';
  const [i, j] = diff;
  return j === i + 1 && a[i] === b[j] && a[j] === b[i] ? 'adjacent_swap' : null;
}

/** Names compared without case, spaces or punctuation: "Nur'aini", "NUR AINI" and "nuraini" are one name. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}]/gu, '');
}

export type DuplicateFacts = { nik: string; fullName: string; birthDate: string; phone: string | null };

/** Why `b` may be the same person as `a`; empty when nothing points that way. */
export function duplicateReasons(a: DuplicateFacts, b: DuplicateFacts): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const sameName = nameKey(a.fullName) === nameKey(b.fullName);
  if (sameName) {
    const distance = nikDistance(a.nik, b.nik);
    if (distance === 'one_digit') reasons.push('nik_one_digit');
    else if (distance === 'adjacent_swap') reasons.push('nik_swap');
    else if (distance === null && a.birthDate === b.birthDate) reasons.push('same_name_birth_date');
  }
  if (a.phone && a.phone === b.phone) reasons.push('same_phone');
  return reasons;
}

/** distinct_pairs stores each pair once, smaller id first, so one unique constraint covers both orders. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
