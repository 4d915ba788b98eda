import { type ColumnMapping, type ImportField, importFieldHeaders, importFields } from './fields.js';
import { editDistance } from './region-match.js';

/**
 * Suggests which column holds which field from the headers dinas and OK OCE files actually use, in Bahasa Indonesia
 * and English. A synonym may carry a weight below 100 when it is vague ("Alamat" could be either address), so a
 * more specific header wins the field. Written as `synonym|synonym:weight`.
 */
const synonyms: Record<ImportField, string> = {
  nik: 'nik|no ktp|nomor ktp|no nik|nomor nik|nik ktp|nomor induk kependudukan|no induk kependudukan|ktp:90|nik peserta|national id|id number|no identitas:80',
  fullName:
    'nama|nama lengkap|nama peserta|nama pemilik|nama pemilik usaha|nama pelaku usaha|nama sesuai ktp|nama lengkap sesuai ktp|nama wirausaha|nama anggota|full name|name|owner name|participant name',
  sex: 'jenis kelamin|jns kelamin|kelamin|jk|l p|p l|gender|sex',
  birthDate:
    'tanggal lahir|tgl lahir|tgl lhr|tanggal lhr|tempat tanggal lahir:85|tempat tgl lahir:85|ttl:85|birth date|date of birth|birthdate|dob|lahir:70',
  phone:
    'no hp|no hp wa|nomor hp|no hp whatsapp|hp wa|hp|wa|whatsapp|no wa|nomor wa|no telp|no tlp|telp|tlp|telepon|no telepon|nomor telepon|telp hp|handphone|no handphone|phone|phone number|phone whatsapp|mobile|no kontak:85|kontak:70',
  email: 'email|e mail|alamat email|surel|email address|mail:80',
  ktpAddress: 'alamat ktp|alamat sesuai ktp|alamat menurut ktp|alamat asal|id card address|alamat:65|address:65',
  domicileAddress:
    'alamat domisili|domisili|alamat tinggal|alamat tempat tinggal|alamat rumah|alamat sekarang|alamat saat ini|home address|residential address|alamat lengkap:75|alamat:70|address:70',
  kecamatan: 'kecamatan|kec|kecamatan domisili|kec domisili|district|subdistrict|district kecamatan',
  kelurahan:
    'kelurahan|kel|desa|ds|kelurahan desa|desa kelurahan|kel desa|kelurahan domisili|village|village kelurahan desa',
  businessName:
    'nama usaha|nama umkm|nama ukm|nama ikm|nama toko|nama merek|nama brand|nama perusahaan|merek|merk|brand|business name|company|usaha:80',
  kbli: 'kbli|kode kbli|no kbli|kbli 2020',
  productType:
    'jenis produk|produk|produk utama|jenis usaha|bidang usaha|sektor usaha|kategori usaha|jenis produk usaha|komoditas|product type|product|sektor:85|bidang:80',
  legalForm:
    'bentuk usaha|badan usaha|bentuk badan usaha|jenis badan usaha|badan hukum|bentuk badan hukum|status badan hukum|legal form|legalitas:70',
  nib: 'nib|no nib|nomor nib|nib oss|nomor induk berusaha|business id number',
  foundedOn:
    'tanggal berdiri|tgl berdiri|tahun berdiri|berdiri sejak|mulai usaha|tanggal mulai usaha|tgl mulai usaha|tahun mulai usaha|founded|founded on|established|sejak:80',
  employeesMale:
    'karyawan laki laki|karyawan l|karyawan lk|karyawan pria|jumlah karyawan laki laki|tenaga kerja laki laki|tenaga kerja l|tk laki laki|tk l|pekerja laki laki|jumlah tenaga kerja laki laki|male employees',
  employeesFemale:
    'karyawan perempuan|karyawan p|karyawan wanita|jumlah karyawan perempuan|tenaga kerja perempuan|tenaga kerja p|tk perempuan|tk p|pekerja perempuan|jumlah tenaga kerja perempuan|female employees',
  monthlyRevenue:
    'omzet|omset|omzet per bulan|omset per bulan|omzet bulanan|omset bulanan|omzet rata rata per bulan|rata rata omzet|pendapatan per bulan|penghasilan per bulan|penjualan per bulan|monthly revenue|pendapatan:85|penghasilan:85|revenue:85',
  channels:
    'saluran penjualan|saluran pemasaran|media pemasaran|media penjualan|cara pemasaran|tempat penjualan|media promosi|sales channels|sales channel|marketing channel|channel:85|pemasaran:80|penjualan:70',
};

const MIN_SCORE = 55;

/** Lower case, no accents, punctuation as spaces: "No. HP/WA" and "no hp wa" are the same header. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type Pattern = { field: ImportField; text: string; compact: string; weight: number };

// The exported headers are synonyms too, so an exported file maps back onto itself.
const patterns: Pattern[] = importFields.flatMap((field) => {
  const own = [importFieldHeaders[field].id, importFieldHeaders[field].en];
  return [...own, ...synonyms[field].split('|')].map((s) => {
    const [raw, weight = '100'] = s.split(':');
    const text = normalizeHeader(raw);
    return { field, text, compact: text.replaceAll(' ', ''), weight: Number(weight) };
  });
});

/** How well one header matches one synonym: exact, same letters, contained as words, or one typo away. */
function scoreOf(header: string, p: Pattern): number {
  if (header === p.text) return p.weight;
  const compact = header.replaceAll(' ', '');
  if (compact === p.compact) return p.weight - 2;
  if (` ${header} `.includes(` ${p.text} `)) return p.weight * (0.5 + (0.4 * p.text.length) / header.length);
  const typos = p.compact.length >= 10 ? 2 : p.compact.length >= 5 ? 1 : 0;
  if (typos > 0 && editDistance(compact, p.compact, typos) <= typos) return p.weight - 15;
  return 0;
}

function bestScores(header: string): Map<ImportField, number> {
  const scores = new Map<ImportField, number>();
  for (const p of patterns) {
    const s = scoreOf(header, p);
    if (s >= MIN_SCORE && s > (scores.get(p.field) ?? 0)) scores.set(p.field, s);
  }
  return scores;
}

/** Each column to at most one field and each field to at most one column, the best-scoring pairs first. */
export function suggestMapping(headers: Array<string | null>): ColumnMapping {
  const pairs: Array<{ column: number; field: ImportField; score: number }> = [];
  headers.forEach((raw, column) => {
    const header = raw ? normalizeHeader(raw) : '';
    if (header) for (const [field, score] of bestScores(header)) pairs.push({ column, field, score });
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const { column, field } of pairs) {
    if (mapping[field] !== undefined || used.has(column)) continue;
    mapping[field] = column;
    used.add(column);
  }
  return mapping;
}

const HEADER_SEARCH_ROWS = 20;

/** The header row is the one naming the most fields; titles ("DATA PESERTA WUB 2023") often sit above it. */
export function guessHeaderRow(rows: unknown[][]): number {
  let best = 0;
  let bestCount = 0;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const headers = row.map((cell) => (typeof cell === 'string' ? cell : null));
    const count = Object.keys(suggestMapping(headers)).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  });
  return best;
}
