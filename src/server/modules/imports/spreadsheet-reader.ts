import { createRequire } from 'node:module';
import { pipeline, type Readable, Transform, type Writable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { AppError } from '../../platform/errors.js';

/**
 * Streams rows out of an uploaded .xlsx or .csv with bounded memory (100,000+ rows).
 *
 * xlsx is read with unzipper + saxes (the zip and XML readers exceljs itself uses) rather than exceljs's
 * WorkbookReader: that reader corrupts multi-byte UTF-8 at chunk boundaries (exceljs issue #2084: a few "�" per
 * 20,000 rows) and copies every sheet to a temp file when, as in files from Excel and exceljs, the shared strings come
 * after the sheets in the zip. Here the first pass reads only the workbook, relationships, styles and shared strings;
 * the second streams just the chosen sheet.
 */
export type SpreadsheetFormat = 'xlsx' | 'csv';
/** Opens the stored file afresh each time: the reader makes several passes (disk or S3). */
export type OpenSource = () => Promise<Readable>;
export type CellValue = string | number | boolean | Date | null;
/** `rowNo` is the row number Excel shows; completely empty rows are not yielded but keep their numbers. */
export type SheetRow = { rowNo: number; cells: CellValue[] };
export type ReadRowsOptions = { sheet?: string; fromRow?: number; signal?: AbortSignal };

const CSV_SHEET = 'csv';

/** Sheet names in workbook order (worksheets only, hidden ones included); a CSV has one sheet, `csv`. */
export async function listSheets(open: OpenSource, format: SpreadsheetFormat): Promise<string[]> {
  if (format === 'csv') return [CSV_SHEET];
  try {
    return (await readWorkbook(open, { contents: false })).sheets.map((s) => s.name);
  } catch (err) {
    throw asReaderError(err);
  }
}

/**
 * Rows of one sheet (default: the first) from `fromRow` on. Cells are plain values: xlsx strings, numbers, booleans,
 * Dates (date-formatted cells, as UTC wall-clock time) and null; CSV cells are strings or null, never converted.
 * Breaking out of the loop closes the file.
 */
export async function* readRows(
  open: OpenSource,
  format: SpreadsheetFormat,
  options: ReadRowsOptions = {},
): AsyncGenerator<SheetRow> {
  const fromRow = Math.max(1, Math.floor(options.fromRow ?? 1));
  try {
    if (format === 'csv') yield* readCsvRows(open, { ...options, fromRow });
    else yield* readXlsxRows(open, { ...options, fromRow });
  } catch (err) {
    throw asReaderError(err, options.signal);
  }
}

/**
 * The number of the last non-empty row, for progress bars. CSV: exact. xlsx: the sheet's `<dimension>` when it is a
 * range — Excel counts formatted blank rows in it, so it may over-estimate by trailing blank rows — else exact.
 */
export async function countRows(open: OpenSource, format: SpreadsheetFormat, sheet?: string): Promise<number> {
  try {
    return format === 'csv' ? await countCsvRows(open, sheet) : await countXlsxRows(open, sheet);
  } catch (err) {
    throw asReaderError(err);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Errors: a broken file is the user's to fix (422); storage failures and aborts pass through unchanged.

class SourceError extends Error {
  constructor(readonly original: unknown) {
    super('source failed');
  }
}

function unreadable(cause?: unknown): AppError {
  const err = AppError.validation([
    {
      path: 'file',
      code: 'unreadable',
      message: 'Berkas tidak dapat dibaca sebagai Excel/CSV',
      en: 'The file cannot be read as Excel/CSV',
    },
  ]);
  err.cause = cause;
  return err;
}

function unknownSheet(name: string): AppError {
  return AppError.validation([
    {
      path: 'sheet',
      code: 'unknown_sheet',
      message: `Lembar tidak ditemukan: ${name}`,
      en: `Sheet not found: ${name}`,
    },
  ]);
}

function asReaderError(err: unknown, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason;
  if (err instanceof AppError) return err;
  if (err instanceof SourceError) return err.original;
  return unreadable(err);
}

async function openSource(open: OpenSource): Promise<Readable> {
  try {
    return await open();
  } catch (err) {
    throw new SourceError(err);
  }
}

const noop = () => {};

// ---------------------------------------------------------------------------------------------------------------
// xlsx

type XmlTag = { name: string; attributes: Record<string, string> };
interface XmlParser {
  on(event: 'opentag', handler: (tag: XmlTag) => void): void;
  on(event: 'closetag', handler: (tag: XmlTag) => void): void;
  on(event: 'text' | 'cdata', handler: (text: string) => void): void;
  write(chunk: string): unknown;
  close(): unknown;
}
type ZipEntry = Readable & { path: string; autodrain(): unknown };

// The zip and XML readers exceljs itself is built on, pinned to the versions it uses; typed here, as unzipper ships no types.
const require = createRequire(import.meta.url);
const unzipper = require('unzipper') as { Parse(): Writable };
const { SaxesParser } = require('saxes') as {
  SaxesParser: new (options?: { position?: boolean }) => XmlParser;
};

type SheetRef = { name: string; path: string };
type Workbook = { sheets: SheetRef[]; date1904: boolean; strings: string[]; dateStyles: boolean[] };

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

async function* readXlsxRows(
  open: OpenSource,
  options: ReadRowsOptions & { fromRow: number },
): AsyncGenerator<SheetRow> {
  const workbook = await readWorkbook(open, { contents: true, signal: options.signal });
  const sheet = pickSheet(workbook.sheets, options.sheet);
  const parser = createSheetParser({ workbook, fromRow: options.fromRow });
  for await (const { entry } of zipEntries(await openSource(open), (p) => p === sheet.path, options.signal)) {
    for await (const text of decodeUtf8(entry)) {
      parser.write(text);
      for (const row of parser.takeRows()) {
        options.signal?.throwIfAborted();
        yield row;
      }
    }
    parser.close();
    return;
  }
  throw unreadable(new Error(`missing part ${sheet.path}`));
}

async function countXlsxRows(open: OpenSource, sheetName?: string): Promise<number> {
  const { sheets } = await readWorkbook(open, { contents: false });
  const sheet = pickSheet(sheets, sheetName);
  const parser = createSheetParser({ workbook: null, fromRow: 1 });
  for await (const { entry } of zipEntries(await openSource(open), (p) => p === sheet.path)) {
    for await (const text of decodeUtf8(entry)) {
      parser.write(text);
      // The dimension precedes <sheetData>: once there, it was either given or must be counted.
      if (parser.state.reachedSheetData && parser.state.dimensionLastRow !== undefined) {
        return parser.state.dimensionLastRow;
      }
    }
    parser.close();
    return parser.state.lastRow;
  }
  throw unreadable(new Error(`missing part ${sheet.path}`));
}

function pickSheet(sheets: SheetRef[], name: string | undefined): SheetRef {
  if (name === undefined) {
    if (!sheets[0]) throw unreadable(new Error('no worksheets'));
    return sheets[0];
  }
  const found = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!found) throw unknownSheet(name);
  return found;
}

/** Pass one: sheet names and paths, and (with `contents`) the shared strings and which styles are dates. */
async function readWorkbook(
  open: OpenSource,
  { contents, signal }: { contents: boolean; signal?: AbortSignal },
): Promise<Workbook> {
  const workbook: Workbook = { sheets: [], date1904: false, strings: [], dateStyles: [] };
  let refs: Array<{ name: string; relId: string }> | undefined;
  let rels: Map<string, { type: string; target: string }> | undefined;
  let stringsPath = 'xl/sharedstrings.xml';
  let stylesPath = 'xl/styles.xml';
  let stringsPending = true;
  let stylesPending = true;
  const want = (path: string) =>
    path === WORKBOOK || path === WORKBOOK_RELS || (contents && (path === stringsPath || path === stylesPath));

  for await (const { path, entry } of zipEntries(await openSource(open), want, signal)) {
    if (path === WORKBOOK) {
      const wb = await parseWorkbookXml(entry);
      refs = wb.refs;
      workbook.date1904 = wb.date1904;
    } else if (path === WORKBOOK_RELS) {
      const found = await parseRelationships(entry);
      rels = found;
      const byType = (suffix: string) => [...found.values()].find((r) => r.type.endsWith(suffix))?.target;
      const strings = byType('/sharedStrings');
      const styles = byType('/styles');
      if (strings) stringsPath = resolvePart(strings);
      else stringsPending = false;
      if (styles) stylesPath = resolvePart(styles);
      else stylesPending = false;
    } else if (path === stringsPath) {
      workbook.strings = await parseSharedStrings(entry);
      stringsPending = false;
    } else if (path === stylesPath) {
      workbook.dateStyles = await parseDateStyles(entry);
      stylesPending = false;
    }
    if (refs && rels && (!contents || (!stringsPending && !stylesPending))) break;
  }
  if (!refs || !rels) throw unreadable(new Error('no workbook.xml or its relationships'));
  for (const ref of refs) {
    const rel = rels.get(ref.relId);
    // Chart and dialog sheets have no rows.
    if (rel?.type.endsWith('/worksheet')) workbook.sheets.push({ name: ref.name, path: resolvePart(rel.target) });
  }
  return workbook;
}

/**
 * Walks the zip's local entries in order, yielding those `want` names (lower-case part names) and skipping the
 * rest without inflating them. The consumer must read each yielded entry to its end or stop the walk.
 */
async function* zipEntries(
  source: Readable,
  want: (path: string) => boolean,
  signal?: AbortSignal,
): AsyncGenerator<{ path: string; entry: Readable }> {
  const zip = unzipper.Parse();
  const queue: Array<{ path: string; entry: ZipEntry }> = [];
  let current: ZipEntry | undefined;
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (err: unknown) => {
    failure ??= err;
    current?.destroy(failure as Error);
    notify();
  };
  const onAbort = () => fail(signal?.reason);

  zip.on('entry', (entry: ZipEntry) => {
    entry.on('error', noop); // reaches the consumer through fail() or its own iterator
    const path = partName(entry.path);
    if (want(path)) {
      queue.push({ path, entry });
      notify();
    } else {
      entry.autodrain(); // synchronous here, so unzipper does not even inflate it
    }
  });
  zip.on('error', (err: unknown) => fail(unreadable(err)));
  zip.on('finish', () => {
    ended = true;
    notify();
  });
  source.on('error', (err: unknown) => fail(new SourceError(err)));
  signal?.addEventListener('abort', onAbort);
  if (signal?.aborted) onAbort();
  source.pipe(zip);
  try {
    for (;;) {
      if (failure) throw failure;
      const next = queue.shift();
      if (next) {
        current = next.entry;
        yield next;
        if (failure) throw failure;
        if (!current.readableEnded) current.resume();
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    source.unpipe(zip);
    source.on('error', noop);
    source.destroy();
    zip.on('error', noop);
    zip.destroy();
    current?.destroy();
    for (const { entry } of queue) entry.destroy();
  }
}

/** Decodes a byte stream as UTF-8 without breaking characters split across chunks. */
async function* decodeUtf8(stream: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream as AsyncIterable<Uint8Array>) yield decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

type XmlHandlers = {
  open?: (name: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

function createXmlParser(handlers: XmlHandlers): XmlParser {
  const parser = new SaxesParser({ position: false });
  const { open, text, close } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes));
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  return parser;
}

async function parseXmlPart(entry: Readable, handlers: XmlHandlers): Promise<void> {
  const parser = createXmlParser(handlers);
  for await (const text of decodeUtf8(entry)) parser.write(text);
  parser.close();
}

/** Some producers write prefixed elements (`<x:row>`). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function partName(zipPath: string): string {
  return zipPath.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** A relationship target of xl/workbook.xml as a part name (relative to xl/, or absolute). */
function resolvePart(target: string): string {
  const t = target.replace(/\\/g, '/');
  const out: string[] = [];
  for (const seg of (t.startsWith('/') ? t : `xl/${t}`).split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return out.join('/').toLowerCase();
}

async function parseWorkbookXml(entry: Readable) {
  const refs: Array<{ name: string; relId: string }> = [];
  let date1904 = false;
  await parseXmlPart(entry, {
    open(name, attrs) {
      if (name === 'sheet') {
        const relId = Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        refs.push({ name: attrs.name ?? '', relId });
      } else if (name === 'workbookPr') {
        date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      }
    },
  });
  return { refs, date1904 };
}

async function parseRelationships(entry: Readable) {
  const rels = new Map<string, { type: string; target: string }>();
  await parseXmlPart(entry, {
    open(name, attrs) {
      if (name === 'Relationship' && attrs.Id && attrs.Target && attrs.TargetMode !== 'External') {
        rels.set(attrs.Id, { type: attrs.Type ?? '', target: attrs.Target });
      }
    },
  });
  return rels;
}

async function parseSharedStrings(entry: Readable): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let capture = false;
  let phonetic = false; // <rPh> holds a reading guide, not cell text
  await parseXmlPart(entry, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') capture = !phonetic;
      else if (name === 'rPh') phonetic = true;
    },
    text(text) {
      if (capture) current += text;
    },
    close(name) {
      if (name === 't') capture = false;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'si') strings.push(unescapeOoxml(current));
    },
  });
  return strings;
}

/** For each cell style (`s` attribute) whether its number format shows a date or time. */
async function parseDateStyles(entry: Readable): Promise<boolean[]> {
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let within = ''; // numFmt and xf also occur in conditional formats (dxfs) and cellStyleXfs
  await parseXmlPart(entry, {
    open(name, attrs) {
      if (name === 'numFmts' || name === 'cellXfs') within = name;
      else if (name === 'numFmt' && within === 'numFmts') formats.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'xf' && within === 'cellXfs') styleFormats.push(Number(attrs.numFmtId ?? 0));
    },
    close(name) {
      if (name === within) within = '';
    },
  });
  return styleFormats.map((id) => isDateFormat(id, formats.get(id)));
}

// Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the East Asian ones).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]);
for (const id of [45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILTIN_DATE_FORMATS.add(id);

function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATE_FORMATS.has(id);
  const section = code
    .replace(/"[^"]*"/g, '') // literal text
    .replace(/\\.|[_*]./g, '') // escaped characters, padding and fill
    .replace(/\[[^\]]*\]/g, (m) => (/^\[(h+|m+|s+)\]$/i.test(m) ? 'h' : '')) // colours, locales; keep [h] elapsed time
    .split(';')[0]
    .replace(/general/gi, '');
  return /[dmyhs]/i.test(section);
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (Excel writes line breaks as `_x000D_`). */
function unescapeOoxml(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : s;
}

/** Excel serial day → the wall-clock date and time it shows, as a UTC Date. */
function excelDate(serial: number, date1904: boolean): Date {
  // 25569 = serial of 1970-01-01; below 60 the serials predate Excel's fictitious 1900-02-29.
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

const MAX_DATE_SERIAL = 2_958_465; // 9999-12-31

function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return n;
}

function nonEmpty(s: string | undefined): string | null {
  return s === undefined || s === '' ? null : s;
}

function cellValue(type: string, raw: string, style: number, workbook: Workbook): CellValue {
  switch (type) {
    case 's':
      return nonEmpty(workbook.strings[Number(raw)]);
    case 'str':
    case 'inlineStr':
      return nonEmpty(unescapeOoxml(raw));
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return null;
    case 'd': {
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(date.getTime()) ? nonEmpty(raw) : date;
    }
    default: {
      if (raw.trim() === '') return null;
      const n = Number(raw);
      if (Number.isNaN(n)) return raw;
      return workbook.dateStyles[style] && n >= 0 && n <= MAX_DATE_SERIAL ? excelDate(n, workbook.date1904) : n;
    }
  }
}

/**
 * Sheet XML → rows. With `workbook: null` it only tracks the dimension and the last non-empty row (shared strings
 * are then assumed non-empty).
 */
function createSheetParser({ workbook, fromRow }: { workbook: Workbook | null; fromRow: number }) {
  const state = { reachedSheetData: false, dimensionLastRow: undefined as number | undefined, lastRow: 0 };
  let rows: SheetRow[] = [];
  let cells: CellValue[] | null = null;
  let rowNo = 0;
  let filled = false;
  let inCell = false;
  let col = 0;
  let type = 'n';
  let style = 0;
  let raw = '';
  let hasValue = false;
  let capture = false;
  let phonetic = false;

  const parser = createXmlParser({
    open(name, attrs) {
      switch (name) {
        case 'row':
          rowNo = attrs.r ? Number.parseInt(attrs.r, 10) : rowNo + 1;
          cells = workbook && rowNo >= fromRow ? [] : null;
          filled = false;
          col = 0;
          break;
        case 'c':
          inCell = true;
          col = attrs.r ? columnNumber(attrs.r) : col + 1;
          type = attrs.t ?? 'n';
          style = attrs.s ? Number(attrs.s) : 0;
          raw = '';
          hasValue = false;
          break;
        case 'v':
          raw = '';
          capture = inCell;
          hasValue ||= inCell;
          break;
        case 't': // inline string text, possibly in several rich-text runs
          capture = inCell && !phonetic;
          hasValue ||= capture;
          break;
        case 'rPh':
          phonetic = true;
          break;
        case 'dimension': {
          // Only a range is trusted: some writers put a bare "A1" there whatever the size.
          const end = /:[A-Za-z]*(\d+)$/.exec(attrs.ref ?? '');
          if (end) state.dimensionLastRow = Number(end[1]);
          break;
        }
        case 'sheetData':
          state.reachedSheetData = true;
          break;
      }
    },
    text(text) {
      if (capture) raw += text;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = false;
          break;
        case 'rPh':
          phonetic = false;
          break;
        case 'c':
          inCell = false;
          if (!hasValue) break;
          if (!workbook) {
            filled ||= raw !== '';
          } else if (cells && col > 0) {
            const value = cellValue(type, raw, style, workbook);
            if (value !== null) {
              cells[col - 1] = value;
              filled = true;
            }
          }
          break;
        case 'row':
          if (filled) {
            state.lastRow = rowNo;
            if (cells) rows.push({ rowNo, cells: Array.from(cells, (c) => c ?? null) });
          }
          cells = null;
          break;
      }
    },
  });

  return {
    state,
    write: (text: string) => parser.write(text),
    close: () => parser.close(),
    takeRows() {
      const taken = rows;
      rows = [];
      return taken;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// csv

type CsvEncoding = 'utf-8' | 'windows-1252';
type CsvShape = { encoding: CsvEncoding; delimiter: string; skipFirstLine: boolean };

const SNIFF_BYTES = 64 * 1024;

async function* readCsvRows(
  open: OpenSource,
  options: ReadRowsOptions & { fromRow: number },
): AsyncGenerator<SheetRow> {
  if (options.sheet !== undefined && options.sheet !== CSV_SHEET) throw unknownSheet(options.sheet);
  const shape = await sniffCsv(open, { wholeFile: true, signal: options.signal });
  let rowNo = 0;
  for await (const record of csvRecords(open, shape, options.signal)) {
    rowNo++;
    if (rowNo < options.fromRow) continue;
    const cells = record.map((v) => (v === '' ? null : v));
    if (cells.some((c) => c !== null)) yield { rowNo, cells };
  }
}

async function countCsvRows(open: OpenSource, sheet?: string): Promise<number> {
  if (sheet !== undefined && sheet !== CSV_SHEET) throw unknownSheet(sheet);
  // Delimiters, quotes and line breaks are ASCII in both encodings, so the count needs no encoding pass.
  const shape = await sniffCsv(open, { wholeFile: false });
  let rowNo = 0;
  let last = 0;
  for await (const record of csvRecords(open, shape)) {
    rowNo++;
    if (record.some((v) => v !== '')) last = rowNo;
  }
  return last;
}

/**
 * Encoding and delimiter. The encoding needs the whole file (one 1252 "é" deep inside makes it invalid UTF-8); the
 * delimiter and Excel's `sep=;` hint line come from the first 64 KB.
 */
async function sniffCsv(
  open: OpenSource,
  { wholeFile, signal }: { wholeFile: boolean; signal?: AbortSignal },
): Promise<CsvShape> {
  const source = await openSource(open);
  const validator = new TextDecoder('utf-8', { fatal: true });
  const head: Buffer[] = [];
  let headBytes = 0;
  let utf8 = true;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      if (headBytes < SNIFF_BYTES) {
        head.push(chunk);
        headBytes += chunk.length;
      }
      if (utf8 && wholeFile) {
        try {
          validator.decode(chunk, { stream: true });
        } catch {
          utf8 = false;
        }
      }
      if ((!wholeFile || !utf8) && headBytes >= SNIFF_BYTES) break;
    }
    if (utf8 && wholeFile) {
      try {
        validator.decode(); // a sequence cut off at the end
      } catch {
        utf8 = false;
      }
    }
  } catch (err) {
    throw new SourceError(err);
  } finally {
    source.destroy();
  }
  // Structure only: latin1 maps each byte to one character, so quotes and delimiters stay where they are.
  const sample = Buffer.concat(head)
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '');
  const hint = /^sep=([;,\t|])\r?\n/i.exec(sample);
  return {
    encoding: utf8 ? 'utf-8' : 'windows-1252',
    delimiter: hint ? hint[1] : sniffDelimiter(sample),
    skipFirstLine: hint !== null,
  };
}

/** The candidate seen most often outside quotes in the first 20 non-empty lines; ties go to the comma. */
function sniffDelimiter(sample: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  let lineHasText = false;
  for (let i = 0; i < sample.length && lines < 20; i++) {
    const ch = sample[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n') {
      if (lineHasText) lines++;
      lineHasText = false;
    } else {
      if (ch in counts) counts[ch]++;
      if (ch !== '\r' && ch !== ' ') lineHasText = true;
    }
  }
  return Object.keys(counts).reduce((best, d) => (counts[d] > counts[best] ? d : best), ',');
}

async function* csvRecords(open: OpenSource, shape: CsvShape, signal?: AbortSignal): AsyncGenerator<string[]> {
  const source = await openSource(open);
  let sourceFailure: unknown;
  source.on('error', (err: unknown) => {
    sourceFailure ??= err;
  });
  const decoder = new TextDecoder(shape.encoding); // strips a UTF-8 BOM
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  const parser = parseCsv({
    delimiter: shape.delimiter,
    from_line: shape.skipFirstLine ? 2 : 1,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false, // empty lines keep their row numbers
    record_delimiter: ['\r\n', '\n', '\r'], // not only the first line's: concatenated files mix them
    bom: true,
    max_record_size: 1_000_000, // a stray quote must not swallow the rest of a large file into memory
  });
  const onAbort = () => parser.destroy(signal?.reason);
  signal?.addEventListener('abort', onAbort);
  pipeline(source, decode, parser, noop);
  try {
    for await (const record of parser) yield record as string[];
  } catch (err) {
    throw sourceFailure === undefined ? err : new SourceError(sourceFailure);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    source.destroy();
    parser.destroy();
  }
}
