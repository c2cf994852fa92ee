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

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
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
