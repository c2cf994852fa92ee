/**
 * Test support for upload validation: every fixture is generated in memory at test time
 * (exceljs for real workbooks, a minimal zip writer for hostile archives); nothing is committed.
 */
import { HttpRequest } from '@azure/functions';
import ExcelJS from 'exceljs';
import * as yauzl from 'yauzl';
import * as zlib from 'zlib';
import { HttpProblem, problemBody } from '../../../functions/src/http/problem';
import { problemResponse } from '../../../functions/src/http/respond';

export const MiB = 1024 * 1024;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// --- zip writing -----------------------------------------------------------------------------

export interface ZipEntryInput {
  name: string;
  data: Buffer | string;
  /** 0 = STORE, 8 = DEFLATE (default). */
  method?: 0 | 8;
  /** Overrides the uncompressed size written in the headers (to make them lie). */
  declaredSize?: number;
}

/** What an entry's local header and its central directory record both say. */
interface SharedHeaderFields {
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  storedSize: number;
  size: number;
  nameLength: number;
}

/**
 * The run of fields the two headers share, in the same order: from byte 4 of the local header,
 * from byte 6 of the central record (which puts "version made by" first).
 */
function writeSharedHeaderFields(header: Buffer, at: number, fields: SharedHeaderFields): void {
  header.writeUInt16LE(20, at); // version needed: 2.0
  header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(fields.dosTime, at + 6);
  header.writeUInt16LE(fields.dosDate, at + 8);
  header.writeUInt32LE(fields.crc, at + 10);
  header.writeUInt32LE(fields.storedSize, at + 14);
  header.writeUInt32LE(fields.size, at + 18);
  header.writeUInt16LE(fields.nameLength, at + 22);
}

/** A minimal zip writer (no zip64, no data descriptors) built on node:zlib. */
export function writeZip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const dosTime = 0; // 00:00:00
  const dosDate = (44 << 9) | (1 << 5) | 1; // 2024-01-01
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const method = entry.method ?? 8;
    const stored = method === 8 ? zlib.deflateRawSync(data, { level: 9 }) : data;
    const crc = zlib.crc32(data) >>> 0;
    const size = entry.declaredSize ?? data.length;

    const fields: SharedHeaderFields = { method, dosTime, dosDate, crc, storedSize: stored.length, size, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedHeaderFields(local, 4, fields);
    local.writeUInt16LE(0, 28); // no extra field
    locals.push(local, name, stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeSharedHeaderFields(central, 6, fields);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + stored.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** Every entry of a zip, inflated (for re-zipping an exceljs workbook with changes). */
export async function readZip(bytes: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const out: Array<{ name: string; data: Buffer }> = [];
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

/** Re-zips `xlsx` after `edit` changed its entry list. */
export async function rezip(
  xlsx: Buffer,
  edit: (entries: ZipEntryInput[]) => ZipEntryInput[] | void,
): Promise<Buffer> {
  const entries: ZipEntryInput[] = await readZip(xlsx);
  return writeZip(edit(entries) ?? entries);
}

export function entryText(entries: ZipEntryInput[], name: string): string {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the zip`);
  return entry.data.toString();
}

export function replaceEntry(entries: ZipEntryInput[], name: string, text: string): void {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the zip`);
  entry.data = text;
}

/** Replaces the first `from` in the text of entry `name` with `to`. */
export function replaceInEntry(entries: ZipEntryInput[], name: string, from: string, to: string): void {
  replaceEntry(entries, name, entryText(entries, name).replace(from, to));
}

/** `xlsx` re-zipped with the first `from` in the text of entry `name` replaced by `to`. */
export function rezipReplacing(xlsx: Buffer, name: string, from: string, to: string): Promise<Buffer> {
  return rezip(xlsx, (entries) => replaceInEntry(entries, name, from, to));
}

// --- workbooks -------------------------------------------------------------------------------

/** A real, small template workbook written by exceljs. */
export async function realXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PerfPlan tests';
  const sheet = workbook.addWorksheet('Scorecard');
  sheet.addRow(['KPI', 'Weight', 'Target', 'Actual', 'Score']);
  sheet.addRow(['Revenue', 0.5, 100, 90, { formula: 'D2/C2*B2' }]);
  sheet.addRow(['Margin', 0.3, 40, 44, { formula: 'D3/C3*B3' }]);
  sheet.addRow(['NPS', 0.2, 50, 45, { formula: 'D4/C4*B4' }]);
  sheet.addRow(['Total', { formula: 'SUM(B2:B4)' }, null, null, { formula: 'SUM(E2:E4)' }]);
  workbook.addWorksheet('Notes').getCell('A1').value = '说明 / Notes';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An .xlsm look-alike: the exceljs workbook plus xl/vbaProject.bin (and nothing else changed). */
export async function xlsmWithVbaPart(): Promise<Buffer> {
  return rezip(await realXlsx(), (entries) => {
    entries.push({ name: 'xl/vbaProject.bin', data: Buffer.from('d0cf11e0a1b11ae1 fake vba project', 'utf8') });
  });
}

// --- requests --------------------------------------------------------------------------------

export const validMetadata = {
  id: 'sales-scorecard',
  title: { en: 'Sales scorecard', zh: '销售计分卡' },
  description: { en: 'Weights, targets and scores for a sales team.', zh: '销售团队的权重、目标和得分。' },
  category: 'scorecard',
  tags: ['sales', 'kpi'],
};

export interface UploadParts {
  /** JSON-stringified when not a string; omitted when undefined. */
  metadata?: unknown;
  /** A Buffer becomes a file part, a string a plain text field; omitted when undefined. */
  file?: Buffer | string;
  fileName?: string;
}

/** Serializes a multipart/form-data body with the platform's FormData (as a browser would). */
export async function multipartBody(parts: UploadParts): Promise<{ bytes: Buffer; contentType: string }> {
  const form = new FormData();
  if (parts.metadata !== undefined) {
    form.append('metadata', typeof parts.metadata === 'string' ? parts.metadata : JSON.stringify(parts.metadata));
  }
  if (parts.file !== undefined) {
    if (typeof parts.file === 'string') form.append('file', parts.file);
    else form.append('file', new Blob([new Uint8Array(parts.file)], { type: XLSX_TYPE }), parts.fileName ?? 'template.xlsx');
  }
  const response = new Response(form);
  return {
    bytes: Buffer.from(await response.arrayBuffer()),
    contentType: response.headers.get('content-type') ?? '',
  };
}

export function postRequest(bytes: Buffer, headers: Record<string, string>): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/templates',
    headers,
    body: { bytes },
  });
}

/** A POST /api/templates request with a multipart body and an honest Content-Length. */
export async function uploadRequest(parts: UploadParts, extraHeaders: Record<string, string> = {}): Promise<HttpRequest> {
  const { bytes, contentType } = await multipartBody(parts);
  return postRequest(bytes, { 'content-type': contentType, 'content-length': String(bytes.length), ...extraHeaders });
}

// --- assertions ------------------------------------------------------------------------------

/** Awaits `promise`, expects an HttpProblem with `status`, and checks the problem+json it renders to. */
export async function expectProblem(promise: Promise<unknown>, status: number, detail?: RegExp): Promise<HttpProblem> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof HttpProblem)) {
    throw new Error(`expected an HttpProblem ${status}, got ${caught === undefined ? 'success' : String(caught)}`);
  }
  expect(caught.status).toBe(status);
  if (detail) expect(caught.detail).toMatch(detail);

  const response = problemResponse(caught);
  expect(response.status).toBe(status);
  expect((response.headers as Record<string, string>)['Content-Type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(String(response.body));
  expect(body).toEqual(problemBody(caught));
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  expect(body.detail.length).toBeGreaterThan(0);
  // No stack traces or internal paths in what the caller sees.
  expect(String(response.body)).not.toMatch(/\bat .*\.(ts|js):\d+|\/work\/|node_modules/);
  return caught;
}
