/**
 * Word lists for the demo members: names as they appear on KTPs in Depok (Betawi, Sundanese, Javanese, Arabic
 * roots; single names, "bin/binti", apostrophes, hajj titles) and the kinds of businesses WUB members run.
 */

/** Splits a list written as one line of words. */
const w = (words: string) => words.split(' ');

export const givenNames = {
  L: w(
    "Budi Agus Ahmad Muhammad Dedi Joko Eko Rudi Hendra Asep Ujang Dadang Iwan Bambang Slamet Wahyu Rizki Fajar Andi Yusuf Ma'ruf Nur Arif Hadi Teguh Irfan Dimas Ilham Ade Deden Acep Rahmat Sugeng Mu'min Haris",
  ),
  P: w(
    "Siti Dewi Rina Nur Sri Yati Ani Wati Lestari Ratna Ika Fitri Nurul Eka Dian Rini Yuni Endang Neneng Euis Tuti Ayu Putri Indah Novi Maya Lilis Nur'aini Khadijah Eneng Imas Cucu Iis Rosita Yanti Qur'ani",
  ),
} as const;

export const familyNames = {
  L: w(
    'Santoso Saputra Hidayat Setiawan Gunawan Kurniawan Prasetyo Wibowo Nugroho Firmansyah Ramadhan Hakim Sudrajat Suryadi Rahman Maulana Pratama Hermawan Permana Supriyadi Sutrisno Kusnadi Sobari Hidayatullah',
  ),
  P: w(
    'Wulandari Lestari Rahayu Handayani Puspitasari Rahmawati Susanti Purwanti Anggraini Fitriani Kartika Oktaviani Sari Yuliani Maharani Nurhasanah Aminah Suryani Kusumawati Ningsih Komariah Hasanah Maryati Rohimah',
  ),
} as const;

/** Fathers' names after "bin" / "binti". */
export const fatherNames = w("Abdullah Hasan Usman Sulaiman Ismail Hamid Karim Ma'mun Syukur Samsudin");

/** Mononyms, still common among Javanese and Sundanese owners over 45. */
export const singleNames = {
  L: w('Sutrisno Suparman Sukirman Darsono Karta Wagiman Jumadi Sarmili'),
  P: w('Suparmi Sumarni Painem Tukinah Rusmini Sainah Juariah Marsinah'),
} as const;

export const streets = [
  'Jl. Raya Sawangan',
  'Jl. Margonda Raya',
  'Jl. Raya Bogor',
  'Jl. Nusantara Raya',
  'Jl. Raya Cinere',
  'Jl. Kartini',
  'Jl. Tole Iskandar',
  'Jl. Raya Citayam',
  'Jl. Muchtar',
  'Jl. Raya Limo',
  'Jl. Juanda',
  'Jl. Pemuda',
  'Gg. Masjid',
  'Gg. Haji Dul',
  'Jl. Kemakmuran',
  'Jl. Bojongsari Raya',
  'Jl. Raya Tapos',
  'Jl. Cilodong Raya',
];

/** Depok's 11 kecamatan, weighted by population (BPS, rounded to thousands): bigger ones recruit more. */
export const kecamatanWeights: Record<string, number> = {
  '32.76.01': 263, // Pancoran Mas
  '32.76.02': 290, // Cimanggis
  '32.76.03': 170, // Sawangan
  '32.76.04': 105, // Limo
  '32.76.05': 265, // Sukmajaya
  '32.76.06': 180, // Beji
  '32.76.07': 165, // Cipayung
  '32.76.08': 155, // Cilodong
  '32.76.09': 110, // Cinere
  '32.76.10': 275, // Tapos
  '32.76.11': 130, // Bojongsari
};

/** Where a Depok resident's NIK was first issued when not in Depok: the neighbouring kab/kota of Jawa Barat. */
export const otherNikRegencies = w('32.01 32.71 32.75 32.16 32.73 32.03 32.02 32.04');

/**
 * Business kinds: KBLI 2020 code (all in src/shared/kbli.ts), product, name patterns ({n}: the owner's first name),
 * weight, and the sex more often found running it ('L' | 'P' | undefined).
 */
export type BusinessKind = { kbli: string; product: string; names: string[]; weight: number; sex?: 'L' | 'P' };
export const businessKinds: BusinessKind[] = [
  { kbli: '10792', product: 'kue basah', names: ['Kue Basah Bu {n}', 'Jajanan Pasar {n}'], weight: 10, sex: 'P' },
  { kbli: '10710', product: 'roti dan kue kering', names: ['{n} Bakery', 'Kue Kering {n}'], weight: 7, sex: 'P' },
  {
    kbli: '10794',
    product: 'keripik',
    names: ['Keripik Singkong {n}', 'Kerupuk {n}', 'Keripik Pisang {n}'],
    weight: 8,
  },
  { kbli: '10750', product: 'makanan beku', names: ['Frozen Food {n}', 'Dimsum {n}'], weight: 5, sex: 'P' },
  {
    kbli: '56102',
    product: 'warung makan',
    names: ['Warung Nasi Uduk {n}', 'Warteg {n}', 'Soto Betawi {n}'],
    weight: 9,
  },
  { kbli: '56104', product: 'makanan keliling', names: ['Seblak {n}', 'Bakso {n}', 'Cilok {n}'], weight: 6 },
  { kbli: '56304', product: 'minuman', names: ['Es Teh {n}', 'Jus Buah {n}', 'Es Kelapa {n}'], weight: 4 },
  { kbli: '56303', product: 'kopi', names: ['Kopi {n}', 'Kedai Kopi {n}'], weight: 3, sex: 'L' },
  { kbli: '56210', product: 'katering', names: ['Katering {n}', 'Nasi Box {n}'], weight: 4, sex: 'P' },
  { kbli: '14111', product: 'konveksi', names: ['Konveksi {n}', '{n} Garmen'], weight: 4 },
  { kbli: '14120', product: 'jahit pakaian', names: ['Jahit {n}', 'Penjahit {n}'], weight: 4, sex: 'P' },
  { kbli: '47912', product: 'fesyen daring', names: ['{n} Hijab Store', '{n} Gamis Online'], weight: 4, sex: 'P' },
  { kbli: '47112', product: 'sembako', names: ['Warung Sembako {n}', 'Toko {n}'], weight: 7 },
  { kbli: '47911', product: 'makanan daring', names: ['{n} Snack Online', 'Camilan {n}'], weight: 3 },
  { kbli: '96112', product: 'salon', names: ['Salon {n}', '{n} Beauty'], weight: 3, sex: 'P' },
  { kbli: '96111', product: 'pangkas rambut', names: ['Pangkas Rambut {n}', '{n} Barbershop'], weight: 2, sex: 'L' },
  { kbli: '96200', product: 'laundry', names: ['{n} Laundry', 'Laundry Kiloan {n}'], weight: 3 },
  { kbli: '45407', product: 'bengkel motor', names: ['Bengkel Motor {n}'], weight: 3, sex: 'L' },
  { kbli: '95120', product: 'servis HP', names: ['Servis HP {n}', '{n} Cell'], weight: 2, sex: 'L' },
  { kbli: '16291', product: 'anyaman bambu', names: ['Anyaman Bambu {n}'], weight: 1 },
  { kbli: '32903', product: 'kerajinan', names: ['Kerajinan {n}', '{n} Craft'], weight: 2 },
  { kbli: '01136', product: 'jamur tiram', names: ['Budidaya Jamur {n}'], weight: 1, sex: 'L' },
  { kbli: '03221', product: 'ikan lele', names: ['Lele {n}', 'Kolam Ikan {n}'], weight: 1, sex: 'L' },
  { kbli: '74130', product: 'desain grafis', names: ['{n} Desain', 'Studio {n}'], weight: 1 },
];

export const phonePrefixes = w('0811 0812 0813 0821 0822 0852 0853 0856 0857 0878 0895 0896');
