import * as crypto from 'crypto';
import { TemplateMetadataUpdateInput } from '../../../functions/src/templates/model';
import { MAX_METADATA_CHARS, MAX_UPLOAD_BODY_BYTES, parseTemplateUpload, parseTemplateUploadWith } from '../../../functions/src/templates/upload';
import {
  MiB,
  XLSX_TYPE,
  expectProblem,
  multipartBody,
  postRequest,
  realXlsx,
  rezip,
  entryText,
  replaceEntry,
  uploadRequest,
  validMetadata,
  writeZip,
  xlsmWithVbaPart,
} from './support';

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('parseTemplateUpload', () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await realXlsx();
  });

  describe('accepts', () => {
    it('a real exceljs workbook with valid metadata, bytes intact', async () => {
      const upload = await parseTemplateUpload(await uploadRequest({ metadata: validMetadata, file: xlsx }));
      expect(upload.metadata).toMatchObject(validMetadata);
      expect(Buffer.isBuffer(upload.bytes)).toBe(true);
      expect(upload.bytes.length).toBe(xlsx.length);
      expect(sha256(upload.bytes)).toBe(sha256(xlsx));
    });

    it('metadata sent as a JSON file part, and a body without Content-Length', async () => {
      const form = new FormData();
      form.append('metadata', new Blob([JSON.stringify(validMetadata)], { type: 'application/json' }), 'metadata.json');
      form.append('file', new Blob([new Uint8Array(xlsx)], { type: XLSX_TYPE }), 'scorecard.xlsx');
      const response = new Response(form);
      const bytes = Buffer.from(await response.arrayBuffer());
      const upload = await parseTemplateUpload(postRequest(bytes, { 'content-type': response.headers.get('content-type')! }));
      expect(upload.metadata.id).toBe('sales-scorecard');
      expect(sha256(upload.bytes)).toBe(sha256(xlsx));
    });

    it('tags default to [] and strings are trimmed by the schema', async () => {
      const { tags: _tags, ...withoutTags } = validMetadata;
      const metadata = { ...withoutTags, title: { en: '  Sales scorecard ', zh: '销售计分卡' } };
      const upload = await parseTemplateUpload(await uploadRequest({ metadata, file: xlsx }));
      expect(upload.metadata.tags).toEqual([]);
      expect(upload.metadata.title.en).toBe('Sales scorecard');
    });

    it('a PUT body without id, with the update schema', async () => {
      const { id: _id, ...withoutId } = validMetadata;
      const request = await uploadRequest({ metadata: withoutId, file: xlsx });
      const upload = await parseTemplateUploadWith(request, TemplateMetadataUpdateInput);
      expect(upload.metadata.id).toBeUndefined();
      expect(upload.metadata.category).toBe('scorecard');
      await expectProblem(parseTemplateUpload(await uploadRequest({ metadata: withoutId, file: xlsx })), 400);
    });

    it('ids at the length limits (3 and 64 characters)', async () => {
      for (const id of ['a1-', `a${'b'.repeat(63)}`]) {
        const upload = await parseTemplateUpload(await uploadRequest({ metadata: { ...validMetadata, id }, file: xlsx }));
        expect(upload.metadata.id).toBe(id);
      }
    });
  });

  describe('body size (413)', () => {
    it('refuses a declared Content-Length over 6 MiB without reading the body', async () => {
      const request = await uploadRequest({ metadata: validMetadata, file: crypto.randomBytes(6 * MiB) });
      expect(Number(request.headers.get('content-length'))).toBeGreaterThan(MAX_UPLOAD_BODY_BYTES);
      await expectProblem(parseTemplateUpload(request), 413, /limit is 6291456 bytes/);
      expect(request.bodyUsed).toBe(false);
    });

    it('refuses a body over 6 MiB sent without Content-Length', async () => {
      const { bytes, contentType } = await multipartBody({ metadata: validMetadata, file: crypto.randomBytes(6 * MiB) });
      const request = postRequest(bytes, { 'content-type': contentType });
      expect(request.headers.get('content-length')).toBeNull();
      await expectProblem(parseTemplateUpload(request), 413, /larger than the limit; the limit is 6291456 bytes/);
    });

    it('refuses a body over 6 MiB whose Content-Length lies', async () => {
      const { bytes, contentType } = await multipartBody({ metadata: validMetadata, file: crypto.randomBytes(6 * MiB) });
      const request = postRequest(bytes, { 'content-type': contentType, 'content-length': '1000' });
      await expectProblem(parseTemplateUpload(request), 413, /larger than the limit/);
    });

    it('refuses a file over 5 MiB inside a body under 6 MiB', async () => {
      const big = await rezip(xlsx, (entries) => {
        entries.push({ name: 'xl/media/image1.png', data: crypto.randomBytes(5 * MiB + 1024), method: 0 });
      });
      const request = await uploadRequest({ metadata: validMetadata, file: big });
      expect(Number(request.headers.get('content-length'))).toBeLessThanOrEqual(MAX_UPLOAD_BODY_BYTES);
      await expectProblem(parseTemplateUpload(request), 413, /workbook is \d+ bytes; the limit is 5242880/);
    });

    it('refuses a non-numeric Content-Length (400)', async () => {
      const { bytes, contentType } = await multipartBody({ metadata: validMetadata, file: xlsx });
      const request = postRequest(bytes, { 'content-type': contentType, 'content-length': 'lots' });
      await expectProblem(parseTemplateUpload(request), 400, /Content-Length/);
    });
  });

  describe('content type', () => {
    it.each([
      ['application/json'],
      ['application/x-www-form-urlencoded'],
      [XLSX_TYPE],
      ['text/plain'],
      ['multipart/mixed; boundary=abc'],
    ])('refuses %s (415)', async (type) => {
      const { bytes } = await multipartBody({ metadata: validMetadata, file: xlsx });
      await expectProblem(parseTemplateUpload(postRequest(bytes, { 'content-type': type })), 415, /multipart\/form-data/);
    });

    it('refuses a request without a content type (415)', async () => {
      await expectProblem(parseTemplateUpload(postRequest(xlsx, {})), 415, /multipart\/form-data/);
    });

    it('refuses multipart/form-data without a boundary (400)', async () => {
      const { bytes } = await multipartBody({ metadata: validMetadata, file: xlsx });
      await expectProblem(parseTemplateUpload(postRequest(bytes, { 'content-type': 'multipart/form-data' })), 400, /boundary/);
    });

    it('refuses a malformed multipart body (400)', async () => {
      const request = postRequest(Buffer.from('this is not multipart at all'), {
        'content-type': 'multipart/form-data; boundary=----nope',
      });
      await expectProblem(parseTemplateUpload(request), 400, /malformed/);
    });
  });

  describe('fields (400 with errors[])', () => {
    it('missing file field', async () => {
      const problem = await expectProblem(parseTemplateUpload(await uploadRequest({ metadata: validMetadata })), 400);
      expect(problem.extra.errors).toEqual([{ path: 'file', message: expect.stringMatching(/required/) }]);
    });

    it('missing metadata field', async () => {
      const problem = await expectProblem(parseTemplateUpload(await uploadRequest({ file: xlsx })), 400);
      expect(problem.extra.errors).toEqual([{ path: 'metadata', message: expect.stringMatching(/required/) }]);
    });

    it('both fields missing, both listed', async () => {
      const form = new FormData();
      form.append('other', 'x');
      const response = new Response(form);
      const request = postRequest(Buffer.from(await response.arrayBuffer()), {
        'content-type': response.headers.get('content-type')!,
      });
      const problem = await expectProblem(parseTemplateUpload(request), 400);
      expect(problem.extra.errors?.map((e) => e.path).sort()).toEqual(['file', 'metadata']);
    });

    it('file sent as a plain text field instead of a file part', async () => {
      const problem = await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: validMetadata, file: 'PK not really' })),
        400,
      );
      expect(problem.extra.errors).toEqual([{ path: 'file', message: expect.stringMatching(/file part/) }]);
    });

    it('a repeated file field', async () => {
      const form = new FormData();
      form.append('metadata', JSON.stringify(validMetadata));
      form.append('file', new Blob([new Uint8Array(xlsx)]), 'a.xlsx');
      form.append('file', new Blob([new Uint8Array(xlsx)]), 'b.xlsx');
      const response = new Response(form);
      const request = postRequest(Buffer.from(await response.arrayBuffer()), {
        'content-type': response.headers.get('content-type')!,
      });
      const problem = await expectProblem(parseTemplateUpload(request), 400);
      expect(problem.extra.errors).toEqual([{ path: 'file', message: expect.stringMatching(/once/) }]);
    });

    it('malformed metadata JSON', async () => {
      const problem = await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: '{"id": "sales-scorecard", ', file: xlsx })),
        400,
      );
      expect(problem.extra.errors).toEqual([{ path: 'metadata', message: 'metadata is not valid JSON' }]);
    });

    it.each([
      ['path traversal', '../x'],
      ['upper case', 'ABC'],
      ['one character', 'a'],
      ['two characters', 'ab'],
      ['65 characters', `a${'b'.repeat(64)}`],
      ['leading hyphen', '-abc'],
      ['a slash', 'abc/def'],
      ['a space', 'abc def'],
      ['not a string', 42],
    ])('a bad id (%s)', async (_label, id) => {
      const problem = await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: { ...validMetadata, id }, file: xlsx })),
        400,
      );
      expect(problem.extra.errors).toEqual([{ path: 'id', message: expect.any(String) }]);
    });

    it('a wrong category', async () => {
      const problem = await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: { ...validMetadata, category: 'bonus' }, file: xlsx })),
        400,
      );
      expect(problem.extra.errors).toEqual([{ path: 'category', message: expect.any(String) }]);
    });

    it('a missing nested field gets a dotted path', async () => {
      const { zh: _zh, ...titleWithoutZh } = validMetadata.title;
      const problem = await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: { ...validMetadata, title: titleWithoutZh }, file: xlsx })),
        400,
      );
      expect(problem.extra.errors).toEqual([{ path: 'title.zh', message: expect.any(String) }]);
    });

    it('lists every zod issue at once (and still reports a missing file)', async () => {
      const metadata = {
        id: 'Bad Id',
        title: { en: 'Only English' },
        category: 'nope',
        tags: ['ok', 7],
      };
      const problem = await expectProblem(parseTemplateUpload(await uploadRequest({ metadata })), 400);
      const paths = (problem.extra.errors ?? []).map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['file', 'id', 'title.zh', 'description', 'category', 'tags[1]']));
      for (const error of problem.extra.errors ?? []) expect(error.message.length).toBeGreaterThan(0);
    });

    it('metadata JSON longer than 64 KiB is refused before it is parsed', async () => {
      const metadata = JSON.stringify({ ...validMetadata, padding: 'x'.repeat(MAX_METADATA_CHARS) });
      const problem = await expectProblem(parseTemplateUpload(await uploadRequest({ metadata, file: xlsx })), 400);
      expect(problem.extra.errors).toEqual([{ path: 'metadata', message: expect.stringMatching(/at most 65536 characters/) }]);
    });

    it.each([
      ['a title that grows past 200 characters under NFKC', { title: { en: `${'\uFDFA'.repeat(12)}`, zh: '方案' } }, 'title.en', /NFKC/],
      ['a description over 4,000 characters', { description: { en: 'x'.repeat(4001), zh: '' } }, 'description.en', /at most 4000/],
      ['a lone surrogate in a title', { title: { en: 'Plan \ud800', zh: '方案' } }, 'title.en', /valid Unicode/],
      ['a control character in a title', { title: { en: 'Plan\u0000', zh: '方案' } }, 'title.en', /control characters/],
      ['a line break in a tag', { tags: ['a\nb'] }, 'tags[0]', /control characters/],
      ['a tag that grows past 40 characters under NFKC', { tags: ['\u3300'.repeat(11)] }, 'tags[0]', /at most 40/],
      ['an unknown visibility', { visibility: 'everyone' }, 'visibility', /./],
    ])('%s', async (_label, overrides, path, message) => {
      const problem = await expectProblem(parseTemplateUpload(await uploadRequest({ metadata: { ...validMetadata, ...overrides }, file: xlsx })), 400);
      expect(problem.extra.errors).toEqual([{ path, message: expect.stringMatching(message) }]);
    });

    it('text is normalized: titles and descriptions to NFC (as written), tags to NFKC; line breaks stay in descriptions; visibility defaults to tenant', async () => {
      const metadata = {
        ...validMetadata,
        title: { en: 'Cafe\u0301 plan', zh: '激励方案（线上）：㎡' },
        description: { en: 'Line one\nLine two', zh: '' },
        tags: ['ＫＰＩ', 'ｶﾅ'],
      };
      const upload = await parseTemplateUpload(await uploadRequest({ metadata, file: xlsx }));
      expect(upload.metadata.title).toEqual({ en: 'Café plan', zh: '激励方案（线上）：㎡' });
      expect(upload.metadata.description.en).toBe('Line one\nLine two');
      expect(upload.metadata.tags).toEqual(['KPI', 'カナ']);
      expect(upload.metadata.visibility).toBe('tenant');
    });

    it.each([['an array', []], ['null', null], ['a string', 'sales-scorecard']])('metadata that is %s', async (_label, metadata) => {
      const problem = await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: JSON.stringify(metadata), file: xlsx })),
        400,
      );
      expect(problem.extra.errors?.length).toBeGreaterThan(0);
    });
  });

  describe('workbook refusals come through the upload', () => {
    it('not a zip (415)', async () => {
      await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: validMetadata, file: crypto.randomBytes(2048) })),
        415,
        /not a zip/,
      );
    });

    it('a renamed .txt (415)', async () => {
      const text = Buffer.from('KPI,Weight\nRevenue,0.5\n', 'utf8');
      await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: validMetadata, file: text, fileName: 'notes.xlsx' })),
        415,
        /not a zip/,
      );
    });

    it('an .xlsm (415)', async () => {
      await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: validMetadata, file: await xlsmWithVbaPart(), fileName: 'a.xlsx' })),
        415,
        /^macro-enabled workbooks are refused$/,
      );
    });

    it('external links (400)', async () => {
      const linked = await rezip(xlsx, (entries) => {
        entries.push({ name: 'xl/externalLinks/externalLink1.xml', data: '<externalLink/>' });
        const rels = entryText(entries, 'xl/_rels/workbook.xml.rels').replace(
          '</Relationships>',
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
        );
        replaceEntry(entries, 'xl/_rels/workbook.xml.rels', rels);
      });
      await expectProblem(parseTemplateUpload(await uploadRequest({ metadata: validMetadata, file: linked })), 400, /external links/);
    });

    it('a zip bomb (413)', async () => {
      const bomb = await rezip(xlsx, (entries) => {
        entries.push({ name: 'xl/media/bomb.bin', data: Buffer.alloc(60 * MiB) });
      });
      await expectProblem(parseTemplateUpload(await uploadRequest({ metadata: validMetadata, file: bomb })), 413, /zip-bomb/);
    });

    it('more than 1,000 entries (413)', async () => {
      const many = await rezip(xlsx, (entries) => {
        while (entries.length <= 1000) entries.push({ name: `xl/media/e${entries.length}.txt`, data: 'x', method: 0 });
      });
      await expectProblem(parseTemplateUpload(await uploadRequest({ metadata: validMetadata, file: many })), 413, /zip entries/);
    });

    it('a zip without the OOXML parts (415)', async () => {
      const zip = writeZip([{ name: 'hello.txt', data: 'hello' }]);
      await expectProblem(parseTemplateUpload(await uploadRequest({ metadata: validMetadata, file: zip })), 415, /\[Content_Types\]/);
    });

    it('metadata errors are reported before the workbook is inspected', async () => {
      const problem = await expectProblem(
        parseTemplateUpload(await uploadRequest({ metadata: { ...validMetadata, id: 'ABC' }, file: await xlsmWithVbaPart() })),
        400,
      );
      expect(problem.extra.errors?.map((e) => e.path)).toEqual(['id']);
    });
  });
});
