import type { Widen } from '../../app/i18n/types.js';

/** The member's own pages (a business owner signed in with their phone), Bahasa Indonesia first. */
export const membersId = {
  title: 'Beranda anggota',
  hello: 'Selamat datang,',
  cardTitle: 'Kartu anggota',
  qrAlt: 'Kode QR kartu anggota',
  district: 'Kec. {{name}}',
  cardHint: 'Tunjukkan QR ini kepada petugas saat hadir di pelatihan atau klinik bisnis.',
  downloadCard: 'Unduh kartu (PDF)',
  trainings: 'Pelatihan saya',
  trainingsHint: 'Daftar pelatihan dan unduh sertifikat',
  checkIn: 'Absen pelatihan',
  checkInHint: 'Pindai QR sesi di lokasi pelatihan',
  clinic: 'Klinik bisnis',
  clinicHint: 'Pesan jadwal konsultasi dengan pendamping',
  businesses: 'Usaha saya',
  businessStatus: { active: 'Aktif', moved: 'Pindah', paused: 'Berhenti sementara', closed: 'Tutup' },
  // staff side: the member's account and card on the participant page
  account: 'Akun anggota',
  accountNone: 'Belum punya akun. Dengan akun, peserta bisa mendaftar pelatihan, absen dengan QR dan memesan klinik.',
  accountCreate: 'Buatkan akun',
  accountCreated: 'Akun dibuat. Berikan kata sandi ini kepada peserta (hanya ditampilkan sekali):',
  accountLogin: 'Masuk dengan nomor HP {{login}}',
  accountSince: 'Akun dibuat {{date}}',
  printCard: 'Cetak kartu anggota',
};

export const membersEn: Widen<typeof membersId> = {
  title: 'Member home',
  hello: 'Welcome,',
  cardTitle: 'Member card',
  qrAlt: 'Member card QR code',
  district: '{{name}} district',
  cardHint: 'Show this QR to the staff when you attend a training or the business clinic.',
  downloadCard: 'Download card (PDF)',
  trainings: 'My trainings',
  trainingsHint: 'Sign up for trainings and download certificates',
  checkIn: 'Training check-in',
  checkInHint: 'Scan the session QR at the training venue',
  clinic: 'Business clinic',
  clinicHint: 'Book a consultation with a mentor',
  businesses: 'My businesses',
  businessStatus: { active: 'Active', moved: 'Moved', paused: 'Paused', closed: 'Closed' },
  account: 'Member account',
  accountNone:
    'No account yet. With one, the participant can sign up for trainings, check in by QR and book the clinic.',
  accountCreate: 'Create account',
  accountCreated: 'Account created. Give this password to the participant (shown only once):',
  accountLogin: 'Signs in with phone number {{login}}',
  accountSince: 'Account created {{date}}',
  printCard: 'Print member card',
};
