import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { dateRange, longDate } from '../../../shared/trainings.js';

export type CertificateContent = {
  operatorName: string;
  holderName: string;
  courseTitle: string;
  waveName: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  serial: string;
  issuedOn: string;
  /** The public verification page the QR opens. */
  verifyUrl: string;
};

// A4 landscape, in points.
const WIDTH = 841.89;
const HEIGHT = 595.28;
const INK = '#1b2a3a';
const ACCENT = '#1c7ed6';

const hoursText = (h: number) => `${new Intl.NumberFormat('id-ID').format(h)} jam pelajaran`;

/**
 * The certificate of completion: operator, "SERTIFIKAT", the member's name, the course, the wave's dates (in
 * Indonesian), hours, the serial and a QR code of the verification URL, so anyone holding the paper can check it.
 */
export async function certificatePdf(c: CertificateContent): Promise<Buffer> {
  const qr = await QRCode.toBuffer(c.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 360 });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: `Sertifikat ${c.serial} — ${c.holderName}`, Author: c.operatorName, Creator: 'Sentra' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Frame
  doc
    .lineWidth(6)
    .strokeColor(ACCENT)
    .rect(24, 24, WIDTH - 48, HEIGHT - 48)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor('#a5d8ff')
    .rect(36, 36, WIDTH - 72, HEIGHT - 72)
    .stroke();

  const center = (text: string, y: number, font: string, size: number, color = INK) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(text, 60, y, { width: WIDTH - 120, align: 'center' });

  center(c.operatorName.toUpperCase(), 70, 'Helvetica-Bold', 14, ACCENT);
  center('SERTIFIKAT', 110, 'Helvetica-Bold', 46);
  center('Certificate of completion', 164, 'Helvetica-Oblique', 12, '#555555');
  center('diberikan kepada', 200, 'Helvetica', 14);
  center(c.holderName, 224, 'Helvetica-Bold', 30);
  center('yang telah menyelesaikan pelatihan', 276, 'Helvetica', 14);
  center(c.courseTitle, 300, 'Helvetica-Bold', 22);
  center(`${c.waveName} · ${dateRange(c.startsOn, c.endsOn)} · ${hoursText(c.hours)}`, 338, 'Helvetica', 13, '#333333');

  // Serial and issue date bottom left, the QR bottom right.
  doc.font('Helvetica').fontSize(11).fillColor(INK);
  doc.text(`Nomor sertifikat: ${c.serial}`, 70, 460);
  doc.text(`Diterbitkan: ${longDate(c.issuedOn)}`, 70, 478);
  doc.fontSize(9).fillColor('#555555').text(`Periksa keaslian: ${c.verifyUrl}`, 70, 500, { width: 480 });
  doc.image(qr, WIDTH - 70 - 110, 410, { width: 110 });
  doc
    .fontSize(8)
    .fillColor('#555555')
    .text('Pindai untuk memeriksa', WIDTH - 70 - 130, 524, { width: 150, align: 'center' });
  doc.end();
  return done;
}
