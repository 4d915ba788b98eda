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
  // Trainings module: enrollment, waitlist, the day-before reminder and completion, by WhatsApp and email.
  'training.enrolled': {
    params: ['name', 'course', 'wave', 'dates', 'place'],
    id: {
      subject: 'Anda terdaftar di pelatihan {{course}}',
      body: 'Halo {{name}},\n\nAnda terdaftar di pelatihan {{course}} ({{wave}}), {{dates}}, di {{place}}. Bawa kartu anggota Anda: petugas akan memindai QR-nya untuk absensi.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'You are enrolled in the {{course}} training',
      body: 'Hello {{name}},\n\nYou are enrolled in the {{course}} training ({{wave}}), {{dates}}, at {{place}}. Bring your member card: the staff will scan its QR code to record your attendance.\n\nRegards,\nThe Sentra team',
    },
  },
  'training.waitlisted': {
    params: ['name', 'course', 'wave', 'dates', 'position'],
    id: {
      subject: 'Anda di daftar tunggu pelatihan {{course}}',
      body: 'Halo {{name}},\n\nPelatihan {{course}} ({{wave}}), {{dates}}, sedang penuh. Anda di daftar tunggu nomor {{position}}; kami akan mengabari Anda bila ada tempat.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'You are on the waiting list of the {{course}} training',
      body: 'Hello {{name}},\n\nThe {{course}} training ({{wave}}), {{dates}}, is full. You are number {{position}} on the waiting list; we will let you know when a place opens.\n\nRegards,\nThe Sentra team',
    },
  },
  'training.promoted': {
    params: ['name', 'course', 'wave', 'dates', 'place'],
    id: {
      subject: 'Ada tempat untuk Anda di pelatihan {{course}}',
      body: 'Halo {{name}},\n\nKabar baik: ada tempat kosong, dan Anda sekarang terdaftar di pelatihan {{course}} ({{wave}}), {{dates}}, di {{place}}. Bila berhalangan, mohon batalkan agar tempatnya bisa dipakai peserta lain.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'A place has opened for you in the {{course}} training',
      body: 'Hello {{name}},\n\nGood news: a place has opened and you are now enrolled in the {{course}} training ({{wave}}), {{dates}}, at {{place}}. If you cannot come, please cancel so that someone else can take the place.\n\nRegards,\nThe Sentra team',
    },
  },
  'training.reminder': {
    params: ['name', 'course', 'wave', 'date', 'time', 'place'],
    id: {
      subject: 'Besok: pelatihan {{course}}',
      body: 'Halo {{name}},\n\nPengingat: besok, {{date}}, pukul {{time}}, pelatihan {{course}} ({{wave}}) di {{place}}. Bawa kartu anggota Anda untuk absensi.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Tomorrow: the {{course}} training',
      body: 'Hello {{name}},\n\nA reminder: tomorrow, {{date}}, at {{time}}, the {{course}} training ({{wave}}) at {{place}}. Bring your member card for the attendance.\n\nRegards,\nThe Sentra team',
    },
  },
  'training.completed': {
    params: ['name', 'course', 'wave', 'serial', 'url'],
    id: {
      subject: 'Selamat, Anda lulus pelatihan {{course}}',
      body: 'Halo {{name}},\n\nSelamat! Anda telah menyelesaikan pelatihan {{course}} ({{wave}}). Sertifikat Anda bernomor {{serial}}; lihat dan periksa keasliannya di {{url}}. Sertifikat PDF dapat diunduh di halaman Pelatihan akun Anda.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Congratulations, you have completed the {{course}} training',
      body: 'Hello {{name}},\n\nCongratulations! You have completed the {{course}} training ({{wave}}). Your certificate number is {{serial}}; view and verify it at {{url}}. The PDF certificate can be downloaded from the Trainings page of your account.\n\nRegards,\nThe Sentra team',
    },
  },
  // --- mentoring module: mentor assignment, business clinic bookings, the mentor's daily caseload digest ---
  'mentoring.assigned': {
    params: ['name', 'mentor', 'contact'],
    id: {
      subject: 'Pendamping usaha Anda: {{mentor}}',
      body: 'Halo {{name}},\n\nMulai sekarang Anda didampingi oleh {{mentor}}. Pendamping Anda akan menghubungi Anda; Anda juga dapat menghubunginya di {{contact}}.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Your business mentor: {{mentor}}',
      body: 'Hello {{name}},\n\nFrom now on {{mentor}} is your mentor. Your mentor will contact you; you can also reach them at {{contact}}.\n\nRegards,\nThe Sentra team',
    },
  },
  'clinic.booked': {
    params: ['name', 'center', 'when', 'mentor'],
    id: {
      subject: 'Klinik bisnis dipesan: {{when}}',
      body: 'Halo {{name}},\n\nPemesanan klinik bisnis Anda di {{center}} pada {{when}} ({{mentor}}) sudah kami terima dan menunggu konfirmasi pendamping.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Business clinic booked: {{when}}',
      body: 'Hello {{name}},\n\nWe have received your business clinic booking at {{center}} on {{when}} ({{mentor}}); it awaits the mentor’s confirmation.\n\nRegards,\nThe Sentra team',
    },
  },
  'clinic.confirmed': {
    params: ['name', 'center', 'when', 'mentor'],
    id: {
      subject: 'Klinik bisnis dikonfirmasi: {{when}}',
      body: 'Halo {{name}},\n\n{{mentor}} sudah mengonfirmasi jadwal klinik bisnis Anda di {{center}} pada {{when}}. Bawa catatan usaha Anda dan datang tepat waktu.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Business clinic confirmed: {{when}}',
      body: 'Hello {{name}},\n\n{{mentor}} has confirmed your business clinic appointment at {{center}} on {{when}}. Bring your business records and come on time.\n\nRegards,\nThe Sentra team',
    },
  },
  'clinic.cancelled': {
    params: ['name', 'center', 'when', 'mentor'],
    id: {
      subject: 'Klinik bisnis dibatalkan: {{when}}',
      body: 'Halo {{name}},\n\nMohon maaf, jadwal klinik bisnis Anda di {{center}} pada {{when}} ({{mentor}}) dibatalkan. Silakan pesan jadwal lain di akun Sentra Anda.\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Business clinic cancelled: {{when}}',
      body: 'Hello {{name}},\n\nWe are sorry: your business clinic appointment at {{center}} on {{when}} ({{mentor}}) has been cancelled. Please book another time in your Sentra account.\n\nRegards,\nThe Sentra team',
    },
  },
  'mentoring.daily_digest': {
    params: ['name', 'overdueFollowUps', 'notContacted', 'overdueActions', 'clinicToday', 'url'],
    id: {
      subject: 'Dampingan Anda hari ini',
      body: 'Halo {{name}},\n\nRingkasan dampingan Anda hari ini:\n- Tindak lanjut terlambat: {{overdueFollowUps}} peserta\n- Belum dihubungi: {{notContacted}} peserta\n- Tindakan lewat tenggat: {{overdueActions}}\n- Klinik bisnis hari ini: {{clinicToday}}\n\nLihat daftarnya, yang paling mendesak di atas: {{url}}\n\nSalam,\nTim Sentra',
    },
    en: {
      subject: 'Your caseload today',
      body: 'Hello {{name}},\n\nYour caseload today:\n- Follow-ups overdue: {{overdueFollowUps}} members\n- Not contacted: {{notContacted}} members\n- Actions overdue: {{overdueActions}}\n- Business clinic bookings today: {{clinicToday}}\n\nSee the list, most urgent first: {{url}}\n\nRegards,\nThe Sentra team',
    },
  },
  // --- end mentoring module ---
} as const satisfies Record<string, TemplateDef>;

export type TemplateName = keyof typeof templates;
export const templateNames = Object.keys(templates) as TemplateName[];
export type TemplateParams<T extends TemplateName> = Record<(typeof templates)[T]['params'][number], string | number>;
