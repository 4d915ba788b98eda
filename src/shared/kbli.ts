/**
 * KBLI 2020 (Klasifikasi Baku Lapangan Usaha Indonesia, Peraturan BPS No. 2 Tahun 2020): the five-digit codes that
 * micro and small businesses in entrepreneurship programs actually register under. Curated, not complete — BPS
 * publishes ~1,800 codes and there is no npm package. Only codes checked against the published list are here.
 */
export const kbliSectors = [
  'makanan_minuman',
  'fesyen',
  'kriya',
  'perdagangan',
  'jasa',
  'pertanian',
  'industri_lainnya',
  'digital',
] as const;
export type KbliSector = (typeof kbliSectors)[number];

export type KbliEntry = { code: string; title: string; sector: KbliSector };

const bySector: Record<KbliSector, Array<[code: string, title: string]>> = {
  makanan_minuman: [
    ['10130', 'Industri Pengolahan dan Pengawetan Produk Daging dan Daging Unggas'],
    ['10313', 'Industri Pengeringan Buah-Buahan dan Sayuran'],
    ['10330', 'Industri Pengolahan Sari Buah dan Sayuran'],
    ['10391', 'Industri Tempe Kedelai'],
    ['10392', 'Industri Tahu Kedelai'],
    ['10393', 'Industri Pengolahan dan Pengawetan Kedelai dan Kacang-Kacangan Lainnya Selain Tahu dan Tempe'],
    ['10399', 'Industri Pengolahan dan Pengawetan Lainnya Buah-Buahan dan Sayuran Bukan Kacang-Kacangan'],
    ['10531', 'Industri Pengolahan Es Krim'],
    ['10614', 'Industri Tepung Campuran dan Adonan Tepung'],
    ['10710', 'Industri Produk Roti dan Kue'],
    ['10722', 'Industri Gula Merah'],
    ['10723', 'Industri Sirop'],
    ['10732', 'Industri Makanan dari Cokelat dan Kembang Gula dari Coklat'],
    ['10733', 'Industri Manisan Buah-Buahan dan Sayuran Kering'],
    ['10734', 'Industri Kembang Gula'],
    ['10740', 'Industri Makaroni, Mie dan Produk Sejenisnya'],
    ['10750', 'Industri Makanan dan Masakan Olahan'],
    ['10761', 'Industri Pengolahan Kopi'],
    ['10762', 'Industri Pengolahan Herbal (Herb Infusion)'],
    ['10763', 'Industri Pengolahan Teh'],
    ['10771', 'Industri Kecap'],
    ['10772', 'Industri Bumbu Masak dan Penyedap Masakan'],
    ['10773', 'Industri Produk Masak dari Kelapa'],
    ['10792', 'Industri Kue Basah'],
    ['10793', 'Industri Makanan dari Kedele dan Kacang-Kacangan Lainnya Bukan Kecap, Tempe dan Tahu'],
    ['10794', 'Industri Kerupuk, Keripik, Peyek dan Sejenisnya'],
    ['10796', 'Industri Dodol'],
    ['10799', 'Industri Produk Makanan Lainnya'],
    ['11040', 'Industri Minuman Ringan'],
    ['11052', 'Industri Air Minum Isi Ulang'],
    ['11090', 'Industri Minuman Lainnya'],
    ['56101', 'Restoran'],
    ['56102', 'Rumah/Warung Makan'],
    ['56103', 'Kedai Makanan'],
    ['56104', 'Penyediaan Makanan Keliling/Tempat Tidak Tetap'],
    ['56210', 'Jasa Boga untuk Suatu Event Tertentu (Event Catering)'],
    ['56290', 'Penyediaan Jasa Boga Periode Tertentu'],
    ['56303', 'Rumah Minum/Kafe'],
    ['56304', 'Kedai Minuman'],
    ['56306', 'Penyediaan Minuman Keliling/Tempat Tidak Tetap'],
  ],
  fesyen: [
    ['13122', 'Industri Kain Tenun Ikat'],
    ['13134', 'Industri Batik'],
    ['14111', 'Industri Pakaian Jadi (Konveksi) dari Tekstil'],
    ['14120', 'Penjahitan dan Pembuatan Pakaian Sesuai Pesanan'],
    ['14131', 'Industri Perlengkapan Pakaian dari Tekstil'],
    ['14301', 'Industri Pakaian Jadi Rajutan'],
    ['14302', 'Industri Pakaian Jadi Sulaman/Bordir'],
    ['15121', 'Industri Barang dari Kulit dan Kulit Komposisi untuk Keperluan Pribadi'],
    ['15201', 'Industri Alas Kaki untuk Keperluan Sehari-Hari'],
    ['32112', 'Industri Barang Perhiasan dari Logam Mulia untuk Keperluan Pribadi'],
    ['32120', 'Industri Perhiasan Imitasi dan Barang Sejenis'],
  ],
  kriya: [
    ['13922', 'Industri Barang Jadi Tekstil Sulaman'],
    ['13924', 'Industri Barang Jadi Rajutan dan Sulaman'],
    ['16291', 'Industri Barang Anyaman dari Rotan dan Bambu'],
    ['16292', 'Industri Barang Anyaman dari Tanaman Bukan Rotan dan Bambu'],
    ['16293', 'Industri Kerajinan Ukiran dari Kayu Bukan Mebeller'],
    ['16294', 'Industri Alat Dapur dari Kayu, Rotan dan Bambu'],
    ['16299', 'Industri Barang dari Kayu, Rotan, Gabus Lainnya YTDL'],
    ['32201', 'Industri Alat Musik Tradisional'],
    ['32402', 'Industri Mainan Anak-Anak'],
    ['32903', 'Industri Kerajinan YTDL'],
  ],
  perdagangan: [
    [
      '47112',
      'Perdagangan Eceran Berbagai Macam Barang yang Utamanya Makanan, Minuman atau Tembakau Bukan di Minimarket/Supermarket/Hypermarket (Tradisional)',
    ],
    [
      '47192',
      'Perdagangan Eceran Berbagai Macam Barang yang Utamanya Bukan Makanan, Minuman atau Tembakau (Barang-Barang Kelontong) Bukan di Toserba (Department Store)',
    ],
    ['47212', 'Perdagangan Eceran Buah-Buahan'],
    ['47213', 'Perdagangan Eceran Sayuran'],
    ['47242', 'Perdagangan Eceran Roti, Kue Kering, serta Kue Basah dan Sejenisnya'],
    ['47249', 'Perdagangan Eceran Makanan Lainnya'],
    ['47711', 'Perdagangan Eceran Pakaian'],
    ['47724', 'Perdagangan Eceran Kosmetik untuk Manusia'],
    ['47772', 'Perdagangan Eceran Gas Elpiji'],
    ['47781', 'Perdagangan Eceran Barang Kerajinan dari Kayu, Bambu, Rotan, Pandan, Rumput dan Sejenisnya'],
    ['47789', 'Perdagangan Eceran Barang Kerajinan dan Lukisan Lainnya'],
    ['47829', 'Perdagangan Eceran Kaki Lima dan Los Pasar Komoditi Makanan dan Minuman YTDL'],
    ['47832', 'Perdagangan Eceran Kaki Lima dan Los Pasar Pakaian'],
    [
      '47911',
      'Perdagangan Eceran Melalui Media untuk Komoditi Makanan, Minuman, Tembakau, Kimia, Farmasi, Kosmetik dan Alat Laboratorium',
    ],
    [
      '47912',
      'Perdagangan Eceran Melalui Media untuk Komoditi Tekstil, Pakaian, Alas Kaki dan Barang Keperluan Pribadi',
    ],
    ['47913', 'Perdagangan Eceran Melalui Media untuk Barang Perlengkapan Rumah Tangga dan Perlengkapan Dapur'],
    ['47914', 'Perdagangan Eceran Melalui Media untuk Barang Campuran Sebagaimana Tersebut dalam 47911 s.d. 47913'],
    ['47919', 'Perdagangan Eceran Melalui Media untuk Berbagai Macam Barang Lainnya'],
    ['47992', 'Perdagangan Eceran Keliling Komoditi Makanan, Minuman atau Tembakau Hasil Industri Pengolahan'],
  ],
  jasa: [
    ['45201', 'Reparasi Mobil'],
    ['45202', 'Pencucian dan Salon Mobil'],
    ['45407', 'Reparasi dan Perawatan Sepeda Motor'],
    ['74201', 'Aktivitas Fotografi'],
    ['77291', 'Aktivitas Penyewaan dan Sewa Guna Usaha Tanpa Hak Opsi Alat Pesta'],
    ['95110', 'Reparasi Komputer dan Peralatan Sejenisnya'],
    ['95120', 'Reparasi Peralatan Komunikasi'],
    ['95210', 'Reparasi Alat-Alat Elektronik Konsumen'],
    ['95220', 'Reparasi Peralatan Rumah Tangga dan Peralatan Rumah dan Kebun'],
    ['95230', 'Reparasi Alas Kaki dan Barang dari Kulit'],
    ['95291', 'Aktivitas Vermak Pakaian'],
    ['96111', 'Aktivitas Pangkas Rambut'],
    ['96112', 'Aktivitas Salon Kecantikan'],
    ['96200', 'Aktivitas Penatu'],
  ],
  pertanian: [
    ['01131', 'Pertanian Hortikultura Sayuran Daun'],
    ['01136', 'Pertanian Jamur'],
    ['01283', 'Pertanian Cabai'],
    ['01285', 'Pertanian Tanaman Obat atau Biofarmaka Rimpang'],
    ['03221', 'Pembesaran Ikan Air Tawar di Kolam'],
    ['10211', 'Industri Penggaraman/Pengeringan Ikan'],
    ['10212', 'Industri Pengasapan/Pemanggangan Ikan'],
    ['10214', 'Industri Pemindangan Ikan'],
    ['10216', 'Industri Berbasis Daging Lumatan dan Surimi'],
    ['10298', 'Industri Pengolahan Rumput Laut'],
  ],
  industri_lainnya: [
    ['17022', 'Industri Kemasan dan Kotak dari Kertas dan Karton'],
    ['18111', 'Industri Pencetakan Umum'],
    ['18120', 'Kegiatan Jasa Penunjang Pencetakan'],
    ['31001', 'Industri Furnitur dari Kayu'],
    ['31002', 'Industri Furnitur dari Rotan dan atau Bambu'],
  ],
  digital: [
    ['62012', 'Aktivitas Pengembangan Aplikasi Perdagangan Melalui Internet (E-Commerce)'],
    ['62019', 'Aktivitas Pemrograman Komputer Lainnya'],
    ['62090', 'Aktivitas Teknologi Informasi dan Jasa Komputer Lainnya'],
    ['63122', 'Portal Web dan/atau Platform Digital dengan Tujuan Komersial'],
    ['74130', 'Aktivitas Desain Komunikasi Visual/Desain Grafis'],
  ],
};

// The words owners actually type ("laundry", "online") rarely appear in the formal titles ("Penatu", "Melalui Media").
const everydayWords: Record<string, string> = {
  '10710': 'bakery kue kering',
  '10750': 'frozen food makanan beku siap saji',
  '10794': 'camilan snack',
  '11052': 'depot isi ulang',
  '14111': 'konveksi garmen',
  '14120': 'jahit penjahit tailor',
  '31001': 'mebel meubel',
  '45201': 'bengkel',
  '45407': 'bengkel motor',
  '47112': 'warung sembako kelontong',
  '47911': 'online daring marketplace',
  '47912': 'online daring marketplace',
  '47913': 'online daring marketplace',
  '47914': 'online daring marketplace',
  '47919': 'online daring marketplace',
  '56102': 'warteg warung nasi',
  '56104': 'gerobak kaki lima pkl',
  '56210': 'katering catering',
  '56290': 'katering catering',
  '56303': 'kafe cafe kopi coffee',
  '56304': 'es jus minuman',
  '74130': 'desain grafis logo',
  '95120': 'servis hp ponsel handphone',
  '96111': 'barbershop cukur',
  '96112': 'salon rias makeup',
  '96200': 'laundry cuci binatu',
};

export const kbliCodes: readonly KbliEntry[] = kbliSectors
  .flatMap((sector) => bySector[sector].map(([code, title]) => ({ code, title, sector })))
  .sort((a, b) => a.code.localeCompare(b.code));

const byCode = new Map(kbliCodes.map((e) => [e.code, e]));

export function findKbli(code: string): KbliEntry | undefined {
  return byCode.get(code);
}

/** Lower case without accents, so "Kafé" finds "Kafe". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const wordsOf = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const index = kbliCodes.map((entry) => ({
  entry,
  words: [...wordsOf(entry.title), ...wordsOf(everydayWords[entry.code] ?? '')],
}));

/**
 * Entries matching every word of `q`: a word matches a code prefix ("107" → 10710…) or the start of a word of the
 * title or of the everyday words ("kopi", "laundry"). Code matches come first, then code order. Empty `q`: all.
 */
export function searchKbli(q: string): KbliEntry[] {
  const terms = wordsOf(q);
  if (terms.length === 0) return [...kbliCodes];
  return index
    .filter(({ entry, words }) => terms.every((t) => entry.code.startsWith(t) || words.some((w) => w.startsWith(t))))
    .map(({ entry }) => ({ entry, byCode: terms.some((t) => entry.code.startsWith(t)) }))
    .sort((a, b) => Number(b.byCode) - Number(a.byCode))
    .map(({ entry }) => entry);
}
