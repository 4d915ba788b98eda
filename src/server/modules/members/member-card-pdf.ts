import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export type MemberCard = {
  operatorName: string;
  fullName: string;
  nikMasked: string;
  districtName: string;
  code: string;
};

// ID-1, the size of a KTP or a bank card, so the card fits a wallet and prints on any card printer.
const WIDTH = 242.65;
const HEIGHT = 153.01;

/** The printable member card: name, masked NIK, kecamatan and the QR that staff scan at a training day. */
export async function memberCardPdf(card: MemberCard): Promise<Buffer> {
  const qr = await QRCode.toBuffer(card.code, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: 0,
    info: { Title: `Kartu anggota — ${card.fullName}`, Creator: 'Sentra' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.rect(0, 0, WIDTH, 30).fill('#1c7ed6');
  doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(10).text('KARTU ANGGOTA', 10, 7, { width: 150 });
  doc.font('Helvetica').fontSize(6.5).text(card.operatorName, 10, 19, { width: 150, ellipsis: true, height: 9 });
  doc.image(qr, WIDTH - 96, 38, { width: 88 });
  doc.fillColor('#111111').font('Helvetica-Bold').fontSize(10).text(card.fullName, 10, 44, { width: 135, height: 26 });
  doc.font('Helvetica').fontSize(7).fillColor('#444444');
  doc.text(`NIK ${card.nikMasked}`, 10, 78, { width: 135 });
  doc.text(`Kec. ${card.districtName}`, 10, 90, { width: 135 });
  doc
    .fontSize(5.5)
    .fillColor('#666666')
    .text('Tunjukkan QR ini kepada petugas saat pelatihan dan pendampingan.', 10, 124, {
      width: 135,
    });
  doc.end();
  return done;
}
