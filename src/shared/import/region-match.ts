/**
 * Finds the kecamatan and kelurahan/desa a spreadsheet names, within the operator's area. Names arrive in any case,
 * with or without spaces and prefixes ("Kec.", "Kel.", "Ds."), in pre-1972 spelling ("Tjilandak") or misspelt, and
 * sometimes as Kemendagri codes. Exact hits are one map lookup; only a miss pays for an edit-distance scan.
 */
export type RegionRecord = { code: string; level: number; name: string; parentCode: string | null };
export type RegionCandidate = { code: string; name: string; districtName?: string; regencyName?: string };
export type RegionMatch =
  | { ok: true; code: string; name: string; fuzzy: boolean }
  | { ok: false; code: 'unknown' | 'ambiguous'; candidates: RegionCandidate[] };
export type RegionMatcher = {
  matchDistrict(text: string): RegionMatch;
  matchVillage(text: string, districtCode?: string): RegionMatch;
};

type Entry = { code: string; name: string; key: string; parentCode: string | null };
type Hit = { entry: Entry; distance: number };

const MAX_CANDIDATES = 5;
const CACHE_LIMIT = 10_000;

// Words that say what a region is rather than which one.
const prefixWords = new Set(['kecamatan', 'kec', 'kelurahan', 'kel', 'desa', 'ds']);
// Abbreviations expanded the same way on both sides, so "Pd. Cina" finds "Pondok Cina".
const tokenAliases: Record<string, string> = {
  pd: 'pondok',
  kp: 'kampung',
  kmp: 'kampung',
  tg: 'tanjung',
  tj: 'tanjung',
  tnj: 'tanjung',
  psr: 'pasar',
  sei: 'sungai',
  sui: 'sungai',
  utr: 'utara',
  ut: 'utara',
  sel: 'selatan',
  slt: 'selatan',
  tim: 'timur',
  tmr: 'timur',
  bar: 'barat',
  brt: 'barat',
  tgh: 'tengah',
  i: '1',
  ii: '2',
  iii: '3',
  iv: '4',
  v: '5',
  vi: '6',
  vii: '7',
  viii: '8',
  ix: '9',
  x: '10',
};
// Van Ophuijsen / Soewandi spellings still seen on old forms and stamps; "oe" first so "djoe" becomes "ju".
const oldSpellings: Array<[RegExp, string]> = [
  [/oe/g, 'u'],
  [/dj/g, 'j'],
  [/tj/g, 'c'],
  [/sj/g, 'sy'],
  [/nj/g, 'ny'],
  [/ch/g, 'kh'],
];

/** The comparison key of a name: letters and digits only, no prefix, no spaces, modern spelling. */
export function regionKey(text: string): string {
  const tokens = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['`‘’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  while (tokens.length > 1 && prefixWords.has(tokens[0])) tokens.shift();
  let key = tokens.map((t) => tokenAliases[t] ?? t).join('');
  for (const [re, modern] of oldSpellings) key = key.replace(re, modern);
  return key;
}

/** Typos allowed grow with the name: none for "Beji", one for "Sawangan", two for "Pasir Gunung Selatan". */
function allowedDistance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  if (length <= 14) return 2;
  return 3;
}

// Three reused rows: the typo scan runs tens of thousands of comparisons per miss and must not allocate.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (a swap of neighbours counts once), giving up beyond `max`: only cells within
 * `max` of the diagonal can stay under it, so only those are computed.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  const over = max + 1;
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    cur[0] = i;
    if (from > 1) cur[from - 1] = over;
    let rowMin = from === 1 ? i : over;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j - 1] + cost, j < i + max ? prev[j] + 1 : over, cur[j - 1] + 1);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (to < b.length) cur[to + 1] = over;
    if (rowMin > max) return over;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[b.length], over);
}

/** Which letters and digits a key holds, one bit each: an edit changes at most two bits, so differing bits bound the distance. */
function letterMask(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    mask |= 1 << (c >= 97 ? c - 97 : 26 + ((c - 48) % 6));
  }
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** One level's entries, indexed by code, by key, and by key length for the typo scan. */
class LevelIndex {
  readonly byCode = new Map<string, Entry>();
  readonly byKey = new Map<string, Entry[]>();
  readonly byLength = new Map<number, { keys: string[]; masks: number[] }>();

  constructor(entries: Entry[]) {
    for (const e of entries) {
      this.byCode.set(e.code, e);
      const same = this.byKey.get(e.key);
      if (same) same.push(e);
      else {
        this.byKey.set(e.key, [e]);
        const bucket = this.byLength.get(e.key.length) ?? { keys: [], masks: [] };
        bucket.keys.push(e.key);
        bucket.masks.push(letterMask(e.key));
        this.byLength.set(e.key.length, bucket);
      }
    }
  }

  /** Entries within `max` edits of `key`, optionally only those under one parent. */
  near(key: string, max: number, within?: Entry[]): Hit[] {
    const hits: Hit[] = [];
    if (within) {
      for (const entry of within) {
        const distance = editDistance(key, entry.key, max);
        if (distance <= max) hits.push({ entry, distance });
      }
      return hits;
    }
    const mask = letterMask(key);
    for (let len = key.length - max; len <= key.length + max; len++) {
      const bucket = this.byLength.get(len);
      if (!bucket) continue;
      for (let i = 0; i < bucket.keys.length; i++) {
        if (bitCount(mask ^ bucket.masks[i]) > 2 * max) continue;
        const distance = editDistance(key, bucket.keys[i], max);
        if (distance <= max) for (const entry of this.byKey.get(bucket.keys[i])!) hits.push({ entry, distance });
      }
    }
    return hits;
  }
}

const byBest = (a: Hit, b: Hit) =>
  a.distance - b.distance || a.entry.name.localeCompare(b.entry.name) || a.entry.code.localeCompare(b.entry.code);

/** A code typed instead of a name: `32.76.03`, `327603`, `32.76.03.1001`, `3276031001`. */
function codeOf(text: string): string | undefined {
  const digits = text.replace(/[\s.]/g, '');
  if (/^\d{6}$/.test(digits)) return digits.replace(/^(\d{2})(\d{2})(\d{2})$/, '$1.$2.$3');
  if (/^\d{10}$/.test(digits)) return digits.replace(/^(\d{2})(\d{2})(\d{2})(\d{4})$/, '$1.$2.$3.$4');
  return undefined;
}

export function createRegionMatcher(regions: RegionRecord[]): RegionMatcher {
  const regencyNames = new Map<string, string>();
  const districtEntries: Entry[] = [];
  const villageEntries: Entry[] = [];
  for (const r of regions) {
    if (r.level === 2) regencyNames.set(r.code, r.name);
    const entry = { code: r.code, name: r.name, key: regionKey(r.name), parentCode: r.parentCode };
    if (r.level === 3) districtEntries.push(entry);
    if (r.level === 4) villageEntries.push(entry);
  }
  const districts = new LevelIndex(districtEntries);
  const villages = new LevelIndex(villageEntries);
  const villagesOf = new Map<string, Entry[]>();
  for (const v of villageEntries) {
    const list = villagesOf.get(v.parentCode ?? '') ?? [];
    list.push(v);
    villagesOf.set(v.parentCode ?? '', list);
  }

  const districtCandidate = (e: Entry): RegionCandidate => {
    const regencyName = e.parentCode ? regencyNames.get(e.parentCode) : undefined;
    return regencyName ? { code: e.code, name: e.name, regencyName } : { code: e.code, name: e.name };
  };
  const villageCandidate = (e: Entry): RegionCandidate => {
    const districtName = e.parentCode ? districts.byCode.get(e.parentCode)?.name : undefined;
    return districtName ? { code: e.code, name: e.name, districtName } : { code: e.code, name: e.name };
  };

  /** Best hits decide: one at the best distance resolves, several are ambiguous; none is undefined. */
  function decide(hits: Hit[], toCandidate: (e: Entry) => RegionCandidate): RegionMatch | undefined {
    if (hits.length === 0) return undefined;
    const unique = [...new Map(hits.sort(byBest).map((h) => [h.entry.code, h])).values()];
    const [best, second] = unique;
    if (!second || second.distance > best.distance)
      return { ok: true, code: best.entry.code, name: best.entry.name, fuzzy: best.distance > 0 };
    return {
      ok: false,
      code: 'ambiguous',
      candidates: unique.slice(0, MAX_CANDIDATES).map((h) => toCandidate(h.entry)),
    };
  }

  /** Exact key hits, else typos within the allowed distance. */
  function find(index: LevelIndex, key: string, within?: Entry[]): Hit[] {
    const exact = (index.byKey.get(key) ?? []).filter((e) => !within || within.includes(e));
    if (exact.length > 0) return exact.map((entry) => ({ entry, distance: 0 }));
    return index.near(key, allowedDistance(key.length), within);
  }

  /** For a miss: names close to it or starting with it, for the person to choose from. */
  function suggest(index: LevelIndex, key: string, toCandidate: (e: Entry) => RegionCandidate): RegionCandidate[] {
    if (key.length < 3) return [];
    const loose = allowedDistance(key.length) + 2;
    const hits = index.near(key, loose);
    if (key.length >= 4)
      for (const [other, entries] of index.byKey)
        if (other.startsWith(key) || key.startsWith(other))
          for (const entry of entries) hits.push({ entry, distance: loose });
    return [...new Map(hits.sort(byBest).map((h) => [h.entry.code, h])).values()]
      .slice(0, MAX_CANDIDATES)
      .map((h) => toCandidate(h.entry));
  }

  const unknown = (candidates: RegionCandidate[] = []): RegionMatch => ({ ok: false, code: 'unknown', candidates });

  function matchDistrictUncached(text: string): RegionMatch {
    const code = codeOf(text);
    if (code) {
      const e = districts.byCode.get(code);
      return e ? { ok: true, code: e.code, name: e.name, fuzzy: false } : unknown();
    }
    const key = regionKey(text);
    if (!key) return unknown();
    const found = decide(find(districts, key), districtCandidate);
    if (found) return found;
    // "Sawangan, Depok": the part before the comma names the kecamatan.
    if (text.includes(',')) {
      const head = matchDistrictUncached(text.slice(0, text.indexOf(',')));
      if (head.ok || head.code === 'ambiguous') return head;
    }
    return unknown(suggest(districts, key, districtCandidate));
  }

  function matchVillageUncached(text: string, districtCode?: string): RegionMatch {
    const code = codeOf(text);
    if (code) {
      const e = villages.byCode.get(code);
      if (!e) return unknown();
      if (districtCode && e.parentCode !== districtCode) return unknown([villageCandidate(e)]);
      return { ok: true, code: e.code, name: e.name, fuzzy: false };
    }
    const key = regionKey(text);
    if (!key) return unknown();
    const within = districtCode ? (villagesOf.get(districtCode) ?? []) : undefined;
    const found = decide(find(villages, key, within), villageCandidate);
    if (found) return found;
    const hinted = withDistrictHint(text, districtCode);
    if (hinted) return hinted;
    // Named, but in another kecamatan: show where, so the person can fix whichever column is wrong.
    const elsewhere = within ? find(villages, key).sort(byBest) : [];
    if (elsewhere.length > 0) return unknown(elsewhere.slice(0, MAX_CANDIDATES).map((h) => villageCandidate(h.entry)));
    return unknown(suggest(villages, key, villageCandidate));
  }

  /** "Pasir Putih, Sawangan" or "Kel. Pasir Putih Kec. Sawangan": the kecamatan is written in the same cell. */
  function withDistrictHint(text: string, districtCode?: string): RegionMatch | undefined {
    const m = /^(.+?)(?:,|\s+(?=kec\b|kec\.|kecamatan\b))\s*(.+)$/i.exec(text);
    if (!m) return undefined;
    const district = matchDistrictUncached(m[2]);
    if (!district.ok || (districtCode && district.code !== districtCode)) return undefined;
    const village = matchVillageUncached(m[1], district.code);
    return village.ok ? village : undefined;
  }

  // Imports repeat the same few names thousands of times; a miss costs a scan, so remember answers.
  const cache = new Map<string, RegionMatch>();
  function remember(key: string, compute: () => RegionMatch): RegionMatch {
    const hit = cache.get(key);
    if (hit) return hit;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const result = compute();
    cache.set(key, result);
    return result;
  }

  return {
    matchDistrict: (text) => remember(`d|${text}`, () => matchDistrictUncached(text.trim())),
    matchVillage: (text, districtCode) =>
      remember(`v|${districtCode ?? ''}|${text}`, () => matchVillageUncached(text.trim(), districtCode)),
  };
}
