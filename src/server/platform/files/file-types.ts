import { createRequire } from 'node:module';
import { fileTypeFromFile } from 'file-type';

// unzipper ships no types; only its central-directory reader is used here.
const unzipper = createRequire(import.meta.url)('unzipper') as {
  Open: { file(path: string): Promise<{ files: Array<{ path: string }> }> };
};

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV = 'text/csv';

/** What each kind of upload may be. The type is read from the bytes; the filename and the browser's claim are ignored. */
export const filePurposes = {
  import: [XLSX, CSV],
  document: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
  photo: ['image/jpeg', 'image/png', 'image/webp'],
} as const satisfies Record<string, readonly string[]>;

export type FilePurpose = keyof typeof filePurposes;

/** The extension people know each accepted type by, for messages. */
export const fileExtensions: Record<string, string> = {
  [XLSX]: 'xlsx',
  [CSV]: 'csv',
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
export const filePurposeNames = Object.keys(filePurposes) as FilePurpose[];

// Bytes Windows-1252 leaves undefined; Excel's "CSV" from Indonesian Windows is 1252 when not UTF-8.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Decides, chunk by chunk, whether bytes are plain text (UTF-8 or Windows-1252, no NUL and no control
 * characters but tab, CR, LF and form feed): CSV has no magic number, so this is how it is recognised.
 */
export class TextSniffer {
  private utf8 = true;
  private cp1252 = true;
  private binary = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  update(chunk: Uint8Array): void {
    if (this.binary) return;
    for (const b of chunk) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
        this.binary = true;
        return;
      }
      if (UNDEFINED_IN_1252.has(b)) this.cp1252 = false;
    }
    if (this.utf8) {
      try {
        this.decoder.decode(chunk, { stream: true });
      } catch {
        this.utf8 = false;
      }
    }
  }

  isText(): boolean {
    if (this.binary) return false;
    if (this.utf8) {
      try {
        this.decoder.decode();
      } catch {
        this.utf8 = false;
      }
    }
    return this.utf8 || this.cp1252;
  }
}

export type DetectedType = { mime: string; ext: string };

/**
 * The type of a stored upload from its content. Reads from the file rather than a head buffer because
 * Office files are zips whose deciding entry ([Content_Types].xml) may lie past the first kilobytes.
 */
export async function detectFileType(filePath: string, looksLikeText: boolean): Promise<DetectedType | undefined> {
  const found = await fileTypeFromFile(filePath);
  if (found?.mime === 'application/zip' && (await isWorkbookZip(filePath))) return { mime: XLSX, ext: 'xlsx' };
  if (found) return { mime: found.mime, ext: found.ext };
  return looksLikeText ? { mime: CSV, ext: 'csv' } : undefined;
}

/**
 * A zip whose entries carry their sizes after the data (streaming writers, some spreadsheet apps) cannot be walked
 * from the front, so it looks like a plain zip: the central directory at its end says whether it is a workbook.
 */
async function isWorkbookZip(filePath: string): Promise<boolean> {
  try {
    const directory = await unzipper.Open.file(filePath);
    const names = new Set(directory.files.map((f) => f.path));
    return names.has('[Content_Types].xml') && names.has('xl/workbook.xml');
  } catch {
    return false;
  }
}

/**
 * A filename fit for a Content-Disposition header and the audit trail: no folders, no control characters,
 * at most 200 characters, and the extension of what the file really is.
 */
export function cleanFilename(name: string, ext: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 180) || 'berkas';
  return `${stem}.${ext}`;
}
