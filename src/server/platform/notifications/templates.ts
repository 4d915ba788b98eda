/**
 * Message templates, Bahasa Indonesia first. `{{param}}` is replaced by the value given when the message is queued;
 * `sensitive` params (one-time codes) are masked wherever people browse the outbox.
 * Domain modules add their templates here.
 */
export type Locale = 'id' | 'en';
export const locales = ['id', 'en'] as const;

type Text = { subject: string; body: string };
type TemplateDef = { params: readonly string[]; sensitive?: readonly string[] } & Record<Locale, Text>;

export const templates = {
  'account.created': {
    params: ['name', 'login', 'url'],
    id: {
      subject: 'Akun Sentra Anda sudah dibuat',
      body: 'Halo {{name}},\n\nAkun Sentra Anda sudah dibuat. Masuk di {{url}} dengan {{login}} dan kata sandi yang diberikan petugas kepada Anda, lalu segera ganti kata sandinya.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Your Sentra account has been created',
      body: 'Hello {{name}},\n\nYour Sentra account has been created. Sign in at {{url}} with {{login}} and the password the staff gave you, then change the password right away.\n\nRegards,\nThe Sentra team',
    },
  },
  'auth.phone_code': {
    params: ['code'],
    sensitive: ['code'],
    id: {
      subject: 'Kode masuk Sentra',
      body: 'Kode Sentra Anda: {{code}}. Berlaku 5 menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.',
    },
    en: {
      subject: 'Sentra sign-in code',
      body: 'Your Sentra code: {{code}}. Valid for 5 minutes. Never share this code with anyone, staff included.',
    },
  },
  'generic.message': {
    params: ['subject', 'message'],
    id: { subject: '{{subject}}', body: '{{message}}\n\n— Sentra' },
    en: { subject: '{{subject}}', body: '{{message}}\n\n— Sentra' },
  },
  // Selection results (participants module): sent to the applicant by WhatsApp, and by email when they have one.
  'selection.documents_checked': {
    params: ['name', 'program', 'track'],
    id: {
      subject: 'Berkas pendaftaran {{program}} sudah diperiksa',
      body: 'Halo {{name}},\n\nBerkas pendaftaran Anda untuk {{program}} (jalur {{track}}) sudah diperiksa dan lengkap. Petugas kecamatan akan menghubungi Anda untuk jadwal wawancara.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Your {{program}} application documents have been checked',
      body: 'Hello {{name}},\n\nYour application documents for {{program}} ({{track}} track) have been checked and are complete. The district office will contact you to schedule an interview.\n\nRegards,\nThe Sentra team',
    },
  },
  'selection.interviewed': {
    params: ['name', 'program', 'track'],
    id: {
      subject: 'Wawancara {{program}} sudah dicatat',
      body: 'Halo {{name}},\n\nTerima kasih sudah mengikuti wawancara {{program}} (jalur {{track}}). Hasil seleksi akan kami kabarkan melalui pesan ini.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Your {{program}} interview has been recorded',
      body: 'Hello {{name}},\n\nThank you for attending the {{program}} interview ({{track}} track). We will send you the selection result by message.\n\nRegards,\nThe Sentra team',
    },
  },
  'selection.accepted': {
    params: ['name', 'program', 'track'],
    id: {
      subject: 'Selamat, Anda diterima di {{program}}',
      body: 'Halo {{name}},\n\nSelamat! Anda diterima sebagai peserta {{program}} jalur {{track}}. Petugas kecamatan akan menghubungi Anda untuk jadwal pelatihan pertama.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Congratulations, you have been accepted to {{program}}',
      body: 'Hello {{name}},\n\nCongratulations! You have been accepted as a participant of {{program}}, {{track}} track. The district office will contact you about your first training.\n\nRegards,\nThe Sentra team',
    },
  },
  'selection.waitlisted': {
    params: ['name', 'program', 'track'],
    id: {
      subject: 'Anda masuk daftar tunggu {{program}}',
      body: 'Halo {{name}},\n\nPendaftaran Anda untuk {{program}} (jalur {{track}}) masuk daftar tunggu karena kuota sedang penuh. Kami akan mengabari Anda bila ada tempat.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'You are on the {{program}} waiting list',
      body: 'Hello {{name}},\n\nYour application for {{program}} ({{track}} track) is on the waiting list because the quota is currently full. We will let you know when a place opens.\n\nRegards,\nThe Sentra team',
    },
  },
  'selection.rejected': {
    params: ['name', 'program', 'track'],
    id: {
      subject: 'Hasil seleksi {{program}}',
      body: 'Halo {{name}},\n\nMohon maaf, pendaftaran Anda untuk {{program}} (jalur {{track}}) belum dapat diterima pada periode ini. Anda dapat mendaftar lagi pada periode berikutnya atau bertanya di sentra kecamatan Anda.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: '{{program}} selection result',
      body: 'Hello {{name}},\n\nWe are sorry: your application for {{program}} ({{track}} track) could not be accepted this period. You may apply again next period or ask at your district center.\n\nRegards,\nThe Sentra team',
    },
  },
} as const satisfies Record<string, TemplateDef>;

export type TemplateName = keyof typeof templates;
export const templateNames = Object.keys(templates) as TemplateName[];
export type TemplateParams<T extends TemplateName> = Record<(typeof templates)[T]['params'][number], string | number>;
