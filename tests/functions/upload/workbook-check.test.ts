import * as crypto from 'crypto';
import {
  MAX_COMPRESSION_RATIO,
  MAX_UNCOMPRESSED_BYTES,
  MAX_WORKBOOK_BYTES,
  MAX_ZIP_ENTRIES,
  checkWorkbookBytes,
} from '../../../functions/src/templates/workbook-check';
import {
  MiB,
  ZipEntryInput,
  entryText,
  expectProblem,
  readZip,
  realXlsx,
  replaceEntry,
  rezip,
  writeZip,
  xlsmWithVbaPart,
} from './support';

const EXTERNAL_LINK_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink';
const EXTERNAL_LINK_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml';
const EXTERNAL_LINK_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<externalBook r:id="rId1"><sheetNames><sheetName val="Data"/></sheetNames></externalBook></externalLink>';

/** Adds `rel` to xl/_rels/workbook.xml.rels. */
function addWorkbookRel(entries: ZipEntryInput[], rel: string): void {
  const rels = entryText(entries, 'xl/_rels/workbook.xml.rels');
  replaceEntry(entries, 'xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `${rel}</Relationships>`));
}

/** 1 KiB blocks of 16 random bytes + zeros: compresses ~40:1, far below the ratio guard. */
function moderatelyCompressible(bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  for (let at = 0; at < bytes; at += 1024) crypto.randomFillSync(out, at, Math.min(16, bytes - at));
  return out;
}

describe('checkWorkbookBytes', () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await realXlsx();
  });

  it('accepts a real workbook written by exceljs', async () => {
    const names = (await readZip(xlsx)).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
    await expect(checkWorkbookBytes(xlsx)).resolves.toBeUndefined();
  });

  it('accepts the same workbook re-zipped with STORE entries and UTF-16 content types', async () => {
    const stored = await rezip(xlsx, (entries) => {
      for (const entry of entries) entry.method = 0;
      const ct = entryText(entries, '[Content_Types].xml').replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ct, 'utf16le')]);
      entries.find((e) => e.name === '[Content_Types].xml')!.data = bytes;
    });
    await expect(checkWorkbookBytes(stored)).resolves.toBeUndefined();
  });

  describe('refuses what is not an .xlsx workbook (415)', () => {
    it('random bytes', async () => {
      await expectProblem(checkWorkbookBytes(crypto.randomBytes(4096)), 415, /not an Excel workbook.*not a zip/);
    });

    it('an empty file', async () => {
      await expectProblem(checkWorkbookBytes(Buffer.alloc(0)), 415, /not a zip/);
    });

    it('a text file renamed to .xlsx', async () => {
      const text = Buffer.from('KPI,Weight\nRevenue,0.5\nMargin,0.5\n'.repeat(50), 'utf8');
      await expectProblem(checkWorkbookBytes(text), 415, /not a zip/);
    });

    it('a legacy / encrypted compound file', async () => {
      const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]);
      await expectProblem(checkWorkbookBytes(cfb), 415, /legacy \.xls|password-protected/);
    });

    it('a zip that is not OOXML (no [Content_Types].xml)', async () => {
      const zip = writeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'readme.txt', data: 'hi' }]);
      await expectProblem(checkWorkbookBytes(zip), 415, /\[Content_Types\]\.xml/);
    });

    it('an OOXML package without xl/workbook.xml (e.g. a .docx)', async () => {
      const docxLike = await rezip(xlsx, (entries) => entries.filter((e) => e.name !== 'xl/workbook.xml'));
      await expectProblem(checkWorkbookBytes(docxLike), 415, /xl\/workbook\.xml/);
    });

    it('a workbook part not declared as a spreadsheet', async () => {
      const odd = await rezip(xlsx, (entries) => {
        const ct = entryText(entries, '[Content_Types].xml').replace(
          'spreadsheetml.sheet.main+xml',
          'wordprocessingml.document.main+xml',
        );
        replaceEntry(entries, '[Content_Types].xml', ct);
      });
      await expectProblem(checkWorkbookBytes(odd), 415, /not declared as a spreadsheet/);
    });

    it('encrypted zip entries', async () => {
      const zip = await rezip(xlsx, () => undefined);
      // Flip the "encrypted" general-purpose bit of the first central directory record.
      const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
      await expectProblem(checkWorkbookBytes(zip), 415, /encrypted/);
    });
  });

  describe('refuses macro-enabled workbooks (415)', () => {
    it('an .xlsm: xl/vbaProject.bin added to an exceljs workbook', async () => {
      await expectProblem(checkWorkbookBytes(await xlsmWithVbaPart()), 415, /^macro-enabled workbooks are refused$/);
    });

    it('a macro content type without a vbaProject.bin part', async () => {
      const xlsm = await rezip(xlsx, (entries) => {
        const ct = entryText(entries, '[Content_Types].xml').replace(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        );
        replaceEntry(entries, '[Content_Types].xml', ct);
      });
      await expectProblem(checkWorkbookBytes(xlsm), 415, /macro-enabled workbooks are refused/);
    });

    it('a vbaProject content type hidden behind character references', async () => {
      const xlsm = await rezip(xlsx, (entries) => {
        const ct = entryText(entries, '[Content_Types].xml').replace(
          '</Types>',
          '<Default Extension="bin" ContentType="application/vnd.ms-office.&#x76;baProject"/></Types>',
        );
        replaceEntry(entries, '[Content_Types].xml', ct);
      });
      await expectProblem(checkWorkbookBytes(xlsm), 415, /macro-enabled/);
    });

    it('a vbaProject.bin whose name differs only in case', async () => {
      const xlsm = await rezip(xlsx, (entries) => {
        entries.push({ name: 'XL/VbaProject.BIN', data: 'x' });
      });
      await expectProblem(checkWorkbookBytes(xlsm), 415, /macro-enabled/);
    });

    it('Excel 4.0 macro sheets', async () => {
      const xlsm = await rezip(xlsx, (entries) => {
        entries.push({ name: 'xl/macrosheets/sheet1.xml', data: '<xm:macrosheet/>' });
      });
      await expectProblem(checkWorkbookBytes(xlsm), 415, /macro-enabled/);
    });
  });

  describe('refuses external links (400)', () => {
    it('xl/externalLinks/externalLink1.xml with its relationship', async () => {
      const linked = await rezip(xlsx, (entries) => {
        entries.push({ name: 'xl/externalLinks/externalLink1.xml', data: EXTERNAL_LINK_XML });
        entries.push({
          name: 'xl/externalLinks/_rels/externalLink1.xml.rels',
          data:
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/secret/data.xlsx" TargetMode="External"/></Relationships>',
        });
        addWorkbookRel(entries, `<Relationship Id="rId99" Type="${EXTERNAL_LINK_REL}" Target="externalLinks/externalLink1.xml"/>`);
        const ct = entryText(entries, '[Content_Types].xml').replace(
          '</Types>',
          `<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="${EXTERNAL_LINK_CT}"/></Types>`,
        );
        replaceEntry(entries, '[Content_Types].xml', ct);
      });
      const problem = await expectProblem(checkWorkbookBytes(linked), 400, /external links are refused/);
      expect(problem.detail).not.toMatch(/secret/);
    });

    it('an externalLink relationship alone (the part stored elsewhere)', async () => {
      const linked = await rezip(xlsx, (entries) => {
        entries.push({ name: 'xl/links/one.xml', data: EXTERNAL_LINK_XML });
        addWorkbookRel(entries, `<Relationship Id="rId99" Type="${EXTERNAL_LINK_REL}" Target="links/one.xml"/>`);
      });
      await expectProblem(checkWorkbookBytes(linked), 400, /external link relationship/);
    });

    it('an externalLink content type alone', async () => {
      const linked = await rezip(xlsx, (entries) => {
        const ct = entryText(entries, '[Content_Types].xml').replace(
          '</Types>',
          `<Override PartName="/xl/links/one.xml" ContentType="${EXTERNAL_LINK_CT}"/></Types>`,
        );
        replaceEntry(entries, '[Content_Types].xml', ct);
      });
      await expectProblem(checkWorkbookBytes(linked), 400, /external link content type/);
    });

    it('<externalReferences> in xl/workbook.xml', async () => {
      const linked = await rezip(xlsx, (entries) => {
        const wb = entryText(entries, 'xl/workbook.xml').replace(
          '</sheets>',
          '</sheets><externalReferences><externalReference r:id="rId42"/></externalReferences>',
        );
        replaceEntry(entries, 'xl/workbook.xml', wb);
      });
      await expectProblem(checkWorkbookBytes(linked), 400, /external references/);
    });

    it('keeps ordinary external hyperlinks (TargetMode="External" but not an external link)', async () => {
      const withHyperlink = await rezip(xlsx, (entries) => {
        entries.push({
          name: 'xl/worksheets/_rels/sheet1.xml.rels',
          data:
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>',
        });
      });
      await expect(checkWorkbookBytes(withHyperlink)).resolves.toBeUndefined();
    });
  });

  describe('size limits and the zip-bomb guard', () => {
    it('refuses a file over 5 MiB (413) before opening it', async () => {
      const big = await rezip(xlsx, (entries) => {
        entries.push({ name: 'xl/media/image1.png', data: crypto.randomBytes(5 * MiB), method: 0 });
      });
      expect(big.length).toBeGreaterThan(MAX_WORKBOOK_BYTES);
      await expectProblem(checkWorkbookBytes(big), 413, /limit is 5242880 bytes/);
    });

    it('refuses a tiny entry that inflates past 50 MiB (413)', async () => {
      const bomb = await rezip(xlsx, (entries) => {
        entries.push({ name: 'xl/media/bomb.bin', data: Buffer.alloc(MAX_UNCOMPRESSED_BYTES + MiB) });
      });
      expect(bomb.length).toBeLessThan(200 * 1024);
      await expectProblem(checkWorkbookBytes(bomb), 413, /zip-bomb guard/);
    });

    it('refuses an entry with an absurd compression ratio even under 50 MiB (413)', async () => {
      const bomb = await rezip(xlsx, (entries) => {
        entries.push({ name: 'xl/media/zeros.bin', data: Buffer.alloc(20 * MiB) });
      });
      await expectProblem(checkWorkbookBytes(bomb), 413, new RegExp(`compression ratio above ${MAX_COMPRESSION_RATIO}:1`));
    });

    it('refuses a bomb whose headers lie about its size, by actually inflating it (413)', async () => {
      const zeros = Buffer.alloc(MAX_UNCOMPRESSED_BYTES + MiB);
      const compressedLength = (await import('zlib')).deflateRawSync(zeros, { level: 9 }).length;
      const bomb = await rezip(xlsx, (entries) => {
        // Declared as if it did not compress at all: passes the declared-size and ratio checks.
        entries.push({ name: 'xl/media/liar.bin', data: zeros, declaredSize: compressedLength });
      });
      await expectProblem(checkWorkbookBytes(bomb), 413, /inflates beyond its declared size/);
    });

    it('refuses many honest, moderately compressed entries totalling over 50 MiB (413)', async () => {
      const chunk = moderatelyCompressible(MiB);
      const bomb = await rezip(xlsx, (entries) => {
        for (let i = 0; i < 51; i++) entries.push({ name: `xl/media/part${i}.bin`, data: chunk });
      });
      expect(bomb.length).toBeLessThan(MAX_WORKBOOK_BYTES);
      await expectProblem(checkWorkbookBytes(bomb), 413, /more than 52428800 bytes/);
    });

    it('accepts 40 MiB of honest, moderately compressed data', async () => {
      const chunk = moderatelyCompressible(MiB);
      const big = await rezip(xlsx, (entries) => {
        for (let i = 0; i < 40; i++) entries.push({ name: `xl/media/part${i}.bin`, data: chunk });
      });
      await expect(checkWorkbookBytes(big)).resolves.toBeUndefined();
    });

    it(`refuses more than ${MAX_ZIP_ENTRIES} entries (413)`, async () => {
      const many = await rezip(xlsx, (entries) => {
        while (entries.length <= MAX_ZIP_ENTRIES) entries.push({ name: `xl/media/e${entries.length}.txt`, data: 'x', method: 0 });
      });
      await expectProblem(checkWorkbookBytes(many), 413, /1001 zip entries; the limit is 1000/);
    });

    it(`accepts exactly ${MAX_ZIP_ENTRIES} entries`, async () => {
      const many = await rezip(xlsx, (entries) => {
        while (entries.length < MAX_ZIP_ENTRIES) entries.push({ name: `xl/media/e${entries.length}.txt`, data: 'x', method: 0 });
      });
      await expect(checkWorkbookBytes(many)).resolves.toBeUndefined();
    });
  });

  describe('refuses corrupt archives (400)', () => {
    it('duplicate entry names (case-insensitively)', async () => {
      const dup = await rezip(xlsx, (entries) => {
        entries.push({ name: 'XL/Workbook.xml', data: '<workbook/>' });
      });
      await expectProblem(checkWorkbookBytes(dup), 400, /appears twice/);
    });

    it('path traversal in an entry name', async () => {
      const evil = await rezip(xlsx, (entries) => {
        entries.push({ name: '../../evil.txt', data: 'x' });
      });
      const problem = await expectProblem(checkWorkbookBytes(evil), 400, /corrupt/);
      expect(problem.detail).not.toMatch(/evil/);
    });

    it('truncated deflate data', async () => {
      const zip = writeZip([
        { name: '[Content_Types].xml', data: Buffer.from('not deflate at all'), method: 0 },
        { name: 'xl/workbook.xml', data: '<workbook/>'.repeat(100) },
      ]);
      // Corrupt the deflate stream of the second entry.
      const second = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      zip.fill(0xff, second + 30 + 'xl/workbook.xml'.length, second + 30 + 'xl/workbook.xml'.length + 4);
      await expectProblem(checkWorkbookBytes(zip), 400, /corrupt/);
    });
  });
});
