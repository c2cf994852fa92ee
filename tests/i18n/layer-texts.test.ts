/**
 * The texts of the workbook reader, the calculator and the command line (i18n/workbook.ts,
 * calc.ts, cli.ts): each has both languages with the same placeholders, and rendered with
 * sample parameters (phrases where the code passes phrases) no English word reaches a zh-CN
 * user and no Chinese an en-US user. Their errors carry a text and its parameters, never a
 * finished sentence: `message` is the English as before, `localized(locale)` the user's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CALC } from '../../i18n/calc';
import { CLI, nameList } from '../../i18n/cli';
import { LocalizedError, localizedMessage } from '../../i18n/localized-error';
import { Params, Text, phrase, placeholders, render } from '../../i18n/text';
import { WORKBOOK } from '../../i18n/workbook';
import { PerfError } from '../../engine/errors';
import { ERRORS } from '../../i18n/errors';
import { LimitError } from '../../workbook/limits';
import { nodeCodec } from '../../workbook/node-codec';
import { WorkbookFormatError, readWorkbookModel } from '../../workbook/read';
import { StructuredReferenceError, resolveStructuredReference } from '../../workbook/tables';
import { ZipArchive, ZipFormatError } from '../../workbook/zip';
import { classify, reasonOf } from '../../cli/exit-codes';
import { expectEachInItsLanguage, itHasBothLanguages, itSaysEachEnglishOnce, textCases } from './text-checks';
import { thrownBy } from '../support/shared-thrown';
import { englishIn } from './typed-as-is';

const TABLES: Record<string, Record<string, Text>> = { WORKBOOK, CALC, CLI };
const ALL = textCases(TABLES);

/** A sample for each placeholder name, as the code fills it; phrases where the code passes phrases. */
const SAMPLES: Record<string, Params[string]> = {
  name: 'xl/worksheets/sheet1.xml',
  part: 'xl/tables/table1.xml',
  sheet: 'Sales',
  table: 'Team',
  column: 'Bonus',
  inner: '[Q1]:[Q4],[Q9]',
  reference: 'Team[@Bonus]',
  element: 'sheetData',
  address: 'XFE0',
  ref: 'A0',
  stored: '_xldudf_PERF_TIERED',
  cell: 'S!B1',
  place: 'T!A1',
  area: 'S!B1:XFD1048576',
  file: '/tmp/plan.xlsx',
  option: '--output',
  argument: 'extra.xlsx',
  command: 'bogus',
  target: 'Sales!Z0',
  formula: '=SUM(F2:F4)',
  /** Another program's message: the templates that take one raw quote it in Chinese. */
  reason: 'invalid stored block lengths',
  message: 'Invalid string length',
  calc: phrase(CLI.calcUsage, { seconds: 120 }),
  functions: nameList(['PERF.AHP', 'PERF.TIERED']),
  sheets: nameList(['"Sales"', '"Tiers"']),
  what: phrase(CLI.notComputed, { count: '2,000' }),
  cells: '5,000,000',
  // perfplan seed and token: URLs, app roles, defaults and values as they are typed or stored.
  api: 'http://localhost:7071/api',
  example: 'http://localhost:7071/api',
  local: 'http://localhost:7071/api',
  role: 'Templates.Publisher',
  admin: 'Templates.Admin',
  publisher: 'Templates.Publisher',
  roles: 'Templates.Admin, Benchmarks.Contribute',
  tenant: 'perfplan-dev-org',
  tid: 'perfplan-dev-org',
  subject: 'perfplan-dev-user',
  sub: 'perfplan-dev-user',
  issuer: 'perfplan-local',
  dir: '/home/dev/PerfPlan/.perfplan/issuer',
  expires: '2026-12-06T15:00:00.000Z',
  value: 'soon',
  deleted: phrase(CLI.seededDeleted, { count: 1 }),
};

/** Where the code passes a phrase for `reason` or `cells`: the phrase it passes. */
const PHRASE_SAMPLES: Record<string, Params> = {
  'CLI.notWorkbook': { reason: phrase(WORKBOOK.notZip) },
  'CLI.overLimit': { reason: phrase(WORKBOOK.tooManyCells, { limit: '20,000,000' }) },
  'CLI.internal': { reason: phrase(CLI.foreign, { message: 'x is not a function' }) },
  'CLI.cannotEvaluate': { reason: phrase(CLI.foreign, { message: 'Parsing error' }) },
  'CLI.stopped': { cells: phrase(CLI.naming, { what: phrase(CLI.notComputed, { count: '2,000' }), cells: nameList(['S!B1', 'S!B2'], true) }) },
  'WORKBOOK.zipDoesNotInflate': { reason: phrase(WORKBOOK.zlibError, { code: -3 }) },
  'CLI.seedNoLocalToken': { reason: phrase(CLI.issuerConfigured, { issuer: 'https://login.microsoftonline.com/t/v2.0' }) },
  'CLI.issuerUnusable': { reason: phrase(CLI.foreign, { message: "EACCES: permission denied, mkdir '/x'" }) },
  'WORKBOOK.inPart': { reason: phrase(WORKBOOK.unclosedElement, { element: 'definedName' }) },
};

function sampleParams(key: string, text: Text): Params {
  const own = PHRASE_SAMPLES[key] ?? {};
  return Object.fromEntries(placeholders(text['en-US']).map((name, i) => [name, own[name] ?? SAMPLES[name] ?? i + 3]));
}

describe('the texts of the workbook reader, the calculator and the command line', () => {
  it('are many: every message these layers show', () => {
    expect(Object.keys(WORKBOOK).length).toBeGreaterThan(40);
    expect(Object.keys(CALC).length).toBeGreaterThan(20);
    expect(Object.keys(CLI).length).toBeGreaterThan(30);
  });

  itHasBothLanguages(ALL);

  itSaysEachEnglishOnce('a text used twice is one entry: no two keys of a table hold the same English', TABLES);

  it.each(ALL)('%s: zh-CN without English words, en-US without Chinese, every placeholder filled', (key, text) => {
    const params = sampleParams(key, text);
    expectEachInItsLanguage({ zh: render(text, 'zh-CN', params), en: render(text, 'en-US', params) }, englishIn);
  });

  it('the extra allowances let through only what is typed as it is', () => {
    expect(englishIn('perfplan calc：--timeout 需要一个大于 0 的秒数（BOOK.xlsx、Sheet1:Sheet3!A1、<sheetData>、zh-CN）')).toEqual([]);
    expect(englishIn('部件 xl/worksheets/sheet1.xml 的 row 未闭合')).toEqual(['row']);
    expect(englishIn('cannot read 文件')).toEqual(['cannot', 'read']);
  });
});

describe('errors carry a text and its parameters', () => {
  it('message is the English as before; localized() renders the same text in Chinese', () => {
    const error = new LimitError(phrase(WORKBOOK.tooManyCells, { limit: '20,000,000' }));
    expect(error).toBeInstanceOf(LocalizedError);
    expect(error.name).toBe('LimitError');
    expect(error.message).toBe('the workbook has more than 20,000,000 cells');
    expect(error.localized('en-US')).toBe(error.message);
    expect(error.localized('zh-CN')).toBe('工作簿的单元格超过 20,000,000 个');
    expect(error.phrase).toEqual({ text: WORKBOOK.tooManyCells, params: { limit: '20,000,000' } });
  });

  it('a parameter a text needs is checked when the error is raised (compile time)', () => {
    // @ts-expect-error tooManyCells needs { limit }
    const missing = () => new LimitError(phrase(WORKBOOK.tooManyCells));
    // @ts-expect-error a parameter the text does not have
    const wrong = () => new LimitError(phrase(WORKBOOK.tooManyCells, { cells: 3 }));
    expect(typeof missing).toBe('function');
    expect(typeof wrong).toBe('function');
  });

  it('what the reader throws for a file that is not a workbook, in both languages', () => {
    const junk = () => ZipArchive.read(new Uint8Array(4096).fill(7));
    expect(junk).toThrow(ZipFormatError);
    const caught = thrownBy(ZipFormatError, junk);
    expect(caught.message).toBe('not a zip archive (no end-of-central-directory record)');
    expect(caught.localized('zh-CN')).toBe('不是 ZIP 压缩包（没有中央目录结束记录）');
    expect(localizedMessage(caught, 'zh-CN')).toBe(caught.localized('zh-CN'));
    expect(localizedMessage(new Error('foreign'), 'zh-CN')).toBe('foreign');
  });

  it('a structured reference to a missing column keeps its code and says it in Chinese', () => {
    const team = { name: 'Team', sheet: 'S', part: 'xl/tables/table1.xml', ref: { top: 1, left: 1, bottom: 3, right: 2 }, headerRowCount: 1, totalsRowCount: 0, columns: [{ name: 'Name' }, { name: 'Sales' }] };
    const error = thrownBy(StructuredReferenceError, () => resolveStructuredReference('Team[Bonus]', [team], { sheet: 'S', row: 9, col: 9 }));
    expect(error).toBeInstanceOf(StructuredReferenceError);
    expect(error.code).toBe('#REF!');
    expect(error.message).toBe('table Team has no column "Bonus"');
    expect(error.localized('zh-CN')).toBe('表格 Team 没有列 "Bonus"');
  });

  it('the command line says an error in the user\'s locale: its own text, or another program\'s message quoted', () => {
    const unreadable = classify(new WorkbookFormatError(phrase(WORKBOOK.noWorksheets)));
    expect(unreadable.code).toBe(2);
    expect(render(unreadable.reason.text, 'zh-CN', unreadable.reason.params)).toBe('工作簿中没有工作表');
    const over = classify(new LimitError(phrase(CALC.nesting, { cell: 'S!A1', limit: 256 })));
    expect(over.code).toBe(3);
    expect(render(over.reason.text, 'en-US', over.reason.params)).toBe('over a limit: S!A1: the formula nests more than 256 levels');
    expect(render(over.reason.text, 'zh-CN', over.reason.params)).toBe('超出限制：S!A1：公式嵌套超过 256 层');
    const deep = classify(new RangeError('Maximum call stack size exceeded'));
    expect([deep.code, render(deep.reason.text, 'zh-CN', deep.reason.params)]).toEqual([3, '超出限制：工作簿中的公式嵌套太深，无法计算']);
    const internal = classify(new TypeError('x is not a function'));
    expect([internal.code, render(internal.reason.text, 'en-US', internal.reason.params)]).toEqual([5, 'internal error: x is not a function']);
    expect(render(internal.reason.text, 'zh-CN', internal.reason.params)).toBe('内部错误："x is not a function"');
    const engine = reasonOf(new PerfError('#NUM!', ERRORS.negative, { what: 'amount', got: -5 }));
    expect(render(engine.text, 'zh-CN', engine.params)).toBe('amount不能为负；实际为 -5');
  });
});

describe('the workbook reader, the calculator and the command line speak in keys', () => {
  const ROOT = path.resolve(__dirname, '../..');
  /** Errors no user meets: a programming fault inside the calculator, a transport status passed on as a reason. */
  const INTERNAL = ["new Error('PERFPLAN.DATA used outside a calculation')", 'new Error(`HTTP ${response.status}`)'];
  /**
   * Not covered here: formula-text.ts (it throws no error of its own), and the table
   * writers being built as this test was written (table-rows.ts, table-writer.ts: their
   * messages are to join i18n/workbook.ts when they reach a user).
   */
  const NOT_YET = new Set(['formula-text.ts', 'table-rows.ts', 'table-writer.ts']);
  const FILES = [
    ...fs.readdirSync(path.join(ROOT, 'workbook')).filter((f) => f.endsWith('.ts') && !NOT_YET.has(f)).map((f) => `workbook/${f}`),
    ...fs.readdirSync(path.join(ROOT, 'calc'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => `calc/${f}`),
    ...['calc', 'explain', 'isolate', 'exit-codes', 'main', 'worker', 'seed'].map((f) => `cli/${f}.ts`),
    'dev/token.ts',
  ];

  it('no English sentence is passed to an error, a cell error or the user\'s streams (only texts of i18n/)', () => {
    const sentences = FILES.flatMap((file) => {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const hits = source.match(/new \w*Error\(\s*[`'"][^\n]*|new CellError\(ErrorType\.\w+,\s*[`'"][^\n]*|io\.(?:err|out)\(\s*[`'"][^\n]*|stderr\.write\(\s*[`'"][^\n]*/g) ?? [];
      return hits.filter((hit) => !INTERNAL.some((allowed) => hit.startsWith(allowed)) && !/^io\.out\('\\n'\)/.test(hit) && !/^(?:io\.(?:err|out)|stderr\.write)\(`(?:perfplan: )?\$\{/.test(hit)).map((hit) => `${file}: ${hit}`);
    });
    expect(sentences).toEqual([]);
  });
});
