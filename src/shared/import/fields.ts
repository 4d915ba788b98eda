/**
 * The columns Sentra reads from and writes to participant spreadsheets. The importer maps a file's headers onto
 * these fields and the exporter writes exactly these headers, so an export can be edited in Excel and imported back.
 * One row is one person with (at most) one business; a person's other businesses are added in the app.
 */
export const importFields = [
  'nik',
  'fullName',
  'sex',
  'birthDate',
  'phone',
  'email',
  'ktpAddress',
  'domicileAddress',
  'kecamatan',
  'kelurahan',
  'businessName',
  'kbli',
  'productType',
  'legalForm',
  'nib',
  'foundedOn',
  'employeesMale',
  'employeesFemale',
  'monthlyRevenue',
  'channels',
] as const;
export type ImportField = (typeof importFields)[number];

/** Fields a row cannot be imported without; the kecamatan only helps to find the kelurahan. */
export const requiredImportFields: readonly ImportField[] = ['nik', 'fullName', 'kelurahan'];

/** The header each field is exported under (Bahasa Indonesia, as dinas files write them) and its English name. */
export const importFieldHeaders: Record<ImportField, { id: string; en: string }> = {
  nik: { id: 'NIK', en: 'NIK' },
  fullName: { id: 'Nama Lengkap', en: 'Full name' },
  sex: { id: 'Jenis Kelamin', en: 'Sex' },
  birthDate: { id: 'Tanggal Lahir', en: 'Birth date' },
  phone: { id: 'No HP/WA', en: 'Phone/WhatsApp' },
  email: { id: 'Email', en: 'Email' },
  ktpAddress: { id: 'Alamat KTP', en: 'ID card address' },
  domicileAddress: { id: 'Alamat Domisili', en: 'Home address' },
  kecamatan: { id: 'Kecamatan', en: 'District (kecamatan)' },
  kelurahan: { id: 'Kelurahan/Desa', en: 'Village (kelurahan/desa)' },
  businessName: { id: 'Nama Usaha', en: 'Business name' },
  kbli: { id: 'KBLI', en: 'KBLI' },
  productType: { id: 'Jenis Produk', en: 'Product type' },
  legalForm: { id: 'Bentuk Usaha', en: 'Legal form' },
  nib: { id: 'NIB', en: 'NIB' },
  foundedOn: { id: 'Tanggal Berdiri', en: 'Founded on' },
  employeesMale: { id: 'Karyawan Laki-laki', en: 'Male employees' },
  employeesFemale: { id: 'Karyawan Perempuan', en: 'Female employees' },
  monthlyRevenue: { id: 'Omzet per Bulan', en: 'Monthly revenue' },
  channels: { id: 'Saluran Penjualan', en: 'Sales channels' },
};

/** A mapping from field to the 0-based column index in the sheet (absent: the file has no such column). */
export type ColumnMapping = Partial<Record<ImportField, number>>;
