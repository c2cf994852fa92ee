/**
 * One locale decision on the command line (issue 9, item 5): `perfplan calc` and `perfplan
 * explain` speak --lang, else LC_ALL, LC_MESSAGES, LANG, for everything they print — the
 * messages inside the JSON's error cells and the line on stderr alike. With LANG=zh_CN.UTF-8
 * a user reads Chinese only; with --lang en-US (or no locale at all) English only, the same
 * English as always.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { main } from '../../cli/main';
import { seedCommand } from '../../cli/seed';
import { tokenCommand } from '../../dev/token';
import { chinese } from '../i18n/language-check';
import { englishIn } from '../i18n/typed-as-is';
import { num, storedWorkbook, text } from '../support/stored-workbook';
import { tempDir } from '../support/workbook';
import { type Captured, captured } from '../support/captured-io';

jest.setTimeout(180_000);

const execute = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

/** The locale variables perfplan reads; each test sets them, so that a developer's LANG does not decide. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

function f(ref: string, formula: string): string {
  return `<c r="${ref}"><f>${formula.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</f></c>`;
}

/** Error cells of every kind perfplan itself explains: PERF errors, what calc cannot compute, a circle, SINGLE. */
const ERROR_CELLS = [
  num('C1', 0), num('D1', 0.02), num('C2', 20000), num('D2', 0.04), num('C3', 50000), num('D3', 0.06),
  num('A1', 1), num('A2', 2),
  f('B1', '_xldudf_PERF_TIERED(-5,C1:D3)'),
  f('B2', '_xldudf_PERF_NORMALIZE(0)'),
  f('B3', '_xldudf_PERF_TIERED(5,C2:D3)'),
  f('B4', 'B4+1'),
  f('B5', 'CONCAT("a","b")'),
  f('B6', '_xlfn.LAMBDA(_xlpm.x,_xlpm.x)'),
  f('B7', '_xlfn.SINGLE(A1:A2)'),
  f('B8', 'Sheet1:Sheet3!A1'),
  // HyperFormula's own messages: a coercion error, an unknown name, and one passed through a PERF function.
  text('A3', 'abc'),
  f('B9', 'A3+1'),
  f('B10', 'PLAN_TOTAL*2'),
  f('B11', '_xldudf_PERF_TIERED(B9,C1:D3)'),
];

/** Each error cell's code, and its message in English and in Chinese. */
const ERROR_MESSAGES: Record<string, { error: string; en: string; zh: string }> = {
  'S!B1': { error: '#NUM!', en: 'amount cannot be negative; got -5', zh: 'amount不能为负；实际为 -5' },
  'S!B2': { error: '#DIV/0!', en: 'values sum to 0', zh: 'values合计为 0' },
  'S!B3': { error: '#VALUE!', en: 'tiers, row 1: the first threshold must be 0; got 20000', zh: 'tiers，第 1 行：第一个门槛必须为 0；实际为 20000' },
  'S!B4': { error: '#NUM!', en: 'circular reference', zh: '循环引用' },
  'S!B5': { error: '#NAME?', en: 'perfplan calc does not support CONCAT', zh: 'perfplan calc 不支持 CONCAT' },
  'S!B6': { error: '#NAME?', en: 'perfplan calc does not support LAMBDA', zh: 'perfplan calc 不支持 LAMBDA' },
  'S!B7': { error: '#VALUE!', en: 'the range does not intersect the formula’s row or column', zh: '该区域与公式所在的行或列不相交' },
  'S!B8': { error: '#NAME?', en: 'perfplan calc does not support 3-D references (Sheet1:Sheet3!A1)', zh: 'perfplan calc 不支持三维引用（Sheet1:Sheet3!A1）' },
  'S!B9': { error: '#VALUE!', en: 'Value cannot be coerced to number.', zh: '该值无法转换为数字' },
  'S!B10': { error: '#NAME?', en: 'Named expression PLAN_TOTAL not recognized.', zh: '无法识别名称 PLAN_TOTAL' },
  'S!B11': { error: '#VALUE!', en: 'Value cannot be coerced to number.', zh: '该值无法转换为数字' },
};

/** The error cells as calc's JSON has them in one language: `{ error, message }` each. */
function errorCellsIn(language: 'en' | 'zh'): Record<string, { error: string; message: string }> {
  return Object.fromEntries(Object.entries(ERROR_MESSAGES).map(([cell, expected]) => [cell, { error: expected.error, message: expected[language] }]));
}

const ENGLISH = errorCellsIn('en');
const CHINESE = errorCellsIn('zh');

type Json = Record<string, unknown>;

/** The messages of the error cells in a calc JSON. */
function messages(json: Json): string[] {
  return Object.values(json).flatMap((cell) => (typeof cell === 'object' && cell !== null ? [(cell as { message: string }).message] : []));
}

/** Chinese only: every text has Chinese and no English word a zh-CN user should not see. */
function expectChineseOnly(texts: string[]): void {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect({ text, english: englishIn(text) }).toEqual({ text, english: [] });
    expect(chinese(text).length).toBeGreaterThan(0);
  }
}

/** A usage in Chinese: each line Chinese only, or a command line as it is typed ("  perfplan --help"). */
function expectChineseUsage(text: string): void {
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
    if (chinese(line).length === 0) expect(line).toMatch(/^\s+perfplan [^\s]/);
    else expect({ line, english: englishIn(line) }).toEqual({ line, english: [] });
  }
}

function expectEnglishOnly(texts: string[]): void {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect({ text, chinese: chinese(text) }).toEqual({ text, chinese: [] });
}

async function run(args: string[]): Promise<Captured> {
  return captured((io) => main(args, io));
}

/** Runs with exactly these locale variables set (the others unset). */
async function withLocale<T>(variables: Partial<Record<(typeof LOCALE_VARIABLES)[number], string>>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(LOCALE_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of LOCALE_VARIABLES) delete process.env[name];
  Object.assign(process.env, variables);
  try {
    return await body();
  } finally {
    for (const name of LOCALE_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

/** The installed `perfplan` bin in a child process with this environment. */
async function bin(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !(LOCALE_VARIABLES as readonly string[]).includes(name)));
  try {
    const { stdout, stderr } = await execute('npx', ['--no-install', 'perfplan', ...args], { cwd: ROOT, env: { ...clean, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

describe('perfplan calc speaks one locale', () => {
  let errors: string;
  let overLimit: string;

  beforeAll(() => {
    const dir = tempDir('perfplan-locale-');
    errors = path.join(dir, 'errors.xlsx');
    fs.writeFileSync(errors, storedWorkbook({ sheets: [{ name: 'S', cells: ERROR_CELLS }] }));
    overLimit = path.join(dir, 'over-limit.xlsx');
    fs.writeFileSync(overLimit, storedWorkbook({ sheets: [{ name: 'S', cells: [f('A1', `${'('.repeat(300)}1${')'.repeat(300)}`)] }] }));
  });

  it('LANG=zh_CN.UTF-8: the messages inside the JSON error cells are Chinese only', async () => {
    const { code, out, err } = await withLocale({ LANG: 'zh_CN.UTF-8' }, () => run(['calc', errors, '--json']));
    expect([code, err]).toEqual([0, '']);
    const json = JSON.parse(out) as Json;
    expect(json).toMatchObject(CHINESE);
    expectChineseOnly(messages(json));
  });

  it('LANG=zh_CN.UTF-8: a workbook over a limit stops (exit 3) with one Chinese line on stderr', async () => {
    const { code, out, err } = await withLocale({ LANG: 'zh_CN.UTF-8' }, () => run(['calc', overLimit, '--json']));
    expect([code, out]).toEqual([3, '']);
    expect(err).toBe('perfplan calc: 超出限制：S!A1：公式嵌套超过 256 层\n');
    expectChineseOnly([err.replace(/^perfplan calc: /, '')]);
  });

  it('the installed bin under LANG=zh_CN.UTF-8 (the environment of a real shell): Chinese on stdout and stderr', async () => {
    const calculated = await bin(['calc', errors, '--json'], { LANG: 'zh_CN.UTF-8' });
    expect(calculated.code).toBe(0);
    expect(JSON.parse(calculated.out)).toMatchObject(CHINESE);
    expectChineseOnly(messages(JSON.parse(calculated.out)));
    const refused = await bin(['calc', overLimit, '--json'], { LANG: 'zh_CN.UTF-8' });
    expect(refused.code).toBe(3);
    expectChineseOnly([refused.err.replace(/^perfplan calc: /, '').trim()]);
  });

  it('--lang en-US wins over LANG=zh_CN.UTF-8: English only, the messages as they always read', async () => {
    await withLocale({ LANG: 'zh_CN.UTF-8' }, async () => {
      const calculated = await run(['calc', errors, '--json', '--lang', 'en-US']);
      expect(calculated.code).toBe(0);
      const json = JSON.parse(calculated.out) as Json;
      expect(json).toMatchObject(ENGLISH);
      expectEnglishOnly(messages(json));
      const refused = await run(['calc', overLimit, '--lang=en-US']);
      expect(refused.code).toBe(3);
      expect(refused.err).toBe('perfplan calc: over a limit: S!A1: the formula nests more than 256 levels\n');
    });
  });

  it('no locale at all, or one that is neither language (C.UTF-8, fr_FR): English', async () => {
    for (const variables of [{}, { LANG: 'C.UTF-8' }, { LANG: 'fr_FR.UTF-8' }]) {
      const { code, out } = await withLocale(variables, () => run(['calc', errors]));
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject(ENGLISH);
    }
  });

  it('LC_ALL, then LC_MESSAGES, then LANG: the first one set decides; --lang zh-CN over an English environment', async () => {
    const english = await withLocale({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, () => run(['calc', errors]));
    expect(JSON.parse(english.out)).toMatchObject(ENGLISH);
    const chineseOut = await withLocale({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, () => run(['calc', errors]));
    expect(JSON.parse(chineseOut.out)).toMatchObject(CHINESE);
    const asked = await withLocale({ LANG: 'en_US.UTF-8' }, () => run(['calc', errors, '--lang', 'zh-CN']));
    expect(JSON.parse(asked.out)).toMatchObject(CHINESE);
  });

  it('zh-CN: usage errors, a missing file and a file that is not a workbook are Chinese too (exit 1, 2, 2)', async () => {
    await withLocale({ LANG: 'zh_CN.UTF-8' }, async () => {
      const usage = await run(['calc']);
      expect(usage.code).toBe(1);
      expect(usage.err).toMatch(/^perfplan calc: calc 需要一个工作簿（BOOK\.xlsx）\n\n用法：\n/);
      expectChineseUsage(usage.err);
      const missing = await run(['calc', path.join(path.dirname(errors), 'missing.xlsx')]);
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(/^perfplan calc: 无法读取 .*missing\.xlsx：文件不存在\n$/);
      const junk = path.join(path.dirname(errors), 'junk.xlsx');
      fs.writeFileSync(junk, Buffer.alloc(4096, 7));
      const unreadable = await run(['calc', junk]);
      expect(unreadable.code).toBe(2);
      expect(unreadable.err).toBe(`perfplan calc: 无法将 ${junk} 作为 .xlsx 工作簿读取（不是 ZIP 压缩包（没有中央目录结束记录））\n`);
      const timeout = await run(['calc', errors, '--timeout', 'soon']);
      expect(timeout.err).toMatch(/^perfplan calc: --timeout 需要一个大于 0 的秒数\n/);
    });
  });

  it('--help follows the locale: the usage in Chinese, the same command lines', async () => {
    const zh = await withLocale({ LANG: 'zh_CN.UTF-8' }, () => run(['--help']));
    const en = await withLocale({ LANG: 'en_US.UTF-8' }, () => run(['--help']));
    expect(zh.out).toMatch(/^用法：\n/);
    expect(en.out).toMatch(/^Usage:\n/);
    const commands = (text: string) => text.split('\n').map((line) => /^\s+(perfplan \S+(?: \S+)?)/.exec(line)?.[1]).filter(Boolean);
    expect(commands(zh.out)).toEqual(commands(en.out));
    expectChineseUsage(zh.out);
    expectEnglishOnly(en.out.split('\n').filter((line) => line.trim() !== ''));
  });
});

describe('perfplan explain speaks the same locale', () => {
  let book: string;

  beforeAll(() => {
    book = path.join(tempDir('perfplan-locale-'), 'explain.xlsx');
    fs.writeFileSync(book, storedWorkbook({ sheets: [{ name: 'S', cells: ERROR_CELLS }] }));
  });

  it('LANG=zh_CN.UTF-8: the function\'s error, and what cannot be explained, in Chinese', async () => {
    await withLocale({ LANG: 'zh_CN.UTF-8' }, async () => {
      const explained = await run(['explain', book, 'S!B1', '--json']);
      expect(explained.code).toBe(0);
      expect(JSON.parse(explained.out).error).toEqual({ error: '#NUM!', message: 'amount不能为负；实际为 -5' });
      // HyperFormula's message in an argument, and in the cell, in Chinese too.
      const coerced = JSON.parse((await run(['explain', book, 'S!B11', '--json'])).out);
      expect([coerced.error, coerced.cellValue]).toEqual([CHINESE['S!B11'], CHINESE['S!B11']]);
      const notPerf = await run(['explain', book, 'S!B5']);
      expect(notPerf.code).toBe(1);
      expect(notPerf.err).toBe('perfplan explain: S!B5：=CONCAT("a","b") 不是单个 PERF.* 调用；explain 只解释公式为 =PERF.NAME(…) 的单元格\n');
      const noSheet = await run(['explain', book, 'Nowhere!A1']);
      expect(noSheet.err).toBe('perfplan explain: 没有名为 "Nowhere" 的工作表（工作簿中有 "S"）\n');
      const usage = await run(['explain', book]);
      expect(usage.err).toMatch(/^perfplan explain: explain 需要一个要解释的单元格（Sheet!C5）\n\n用法：\n/);
    });
  });

  it('--lang en-US over LANG=zh_CN.UTF-8: English, as always', async () => {
    await withLocale({ LANG: 'zh_CN.UTF-8' }, async () => {
      const notPerf = await run(['explain', book, 'S!B5', '--lang', 'en-US']);
      expect(notPerf.err).toBe('perfplan explain: S!B5: =CONCAT("a","b") is not a single PERF.* call; explain works on a cell whose formula is =PERF.NAME(…)\n');
      const explained = await run(['explain', book, 'S!B1', '--json', '--lang=en-US']);
      expect(JSON.parse(explained.out).error).toEqual({ error: '#NUM!', message: 'amount cannot be negative; got -5' });
      const coerced = JSON.parse((await run(['explain', book, 'S!B11', '--json', '--lang', 'en-US'])).out);
      expect([coerced.error, coerced.cellValue]).toEqual([ENGLISH['S!B11'], ENGLISH['S!B11']]);
    });
  });
});

describe('perfplan seed and perfplan token speak the same locale', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('perfplan-locale-');
  });

  async function seed(args: string[], env: NodeJS.ProcessEnv) {
    return captured((io) => seedCommand(args, io, { env, root }));
  }

  async function token(args: string[], env: NodeJS.ProcessEnv) {
    return captured((io) => tokenCommand(args, io, { env, root }));
  }

  it('seed, LANG=zh_CN.UTF-8: usage, argument errors and a refusal before any request in Chinese; --lang en-US as always', async () => {
    const zh = { LANG: 'zh_CN.UTF-8' };
    const help = await seed(['--help'], zh);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^用法：perfplan seed \[--api URL\]\n/);
    expectChineseUsage(help.out);
    for (const [args, line] of [
      [['--bogus'], 'perfplan seed: 未知选项 --bogus'],
      [['--api', 'ftp://host/api'], 'perfplan seed: API 的 URL 必须以 "http" 或 "https" 开头；实际为 "ftp://host/api"'],
      [['--api'], 'perfplan seed: --api 需要一个 URL'],
    ] as const) {
      const refused = await seed([...args], zh);
      expect(refused.code).toBe(1);
      expect(refused.err.split('\n')[0]).toBe(line);
      expectChineseUsage(refused.err);
    }
    const notLocal = await seed(['--api=https://perfplan.example.com/api'], zh);
    expect(notLocal.code).toBe(2);
    expectChineseOnly([notLocal.err.replace(/^perfplan seed: /, '')]);
    expect(notLocal.err).toMatch(/^perfplan seed: 未设置 PERFPLAN_TOKEN。.*https:\/\/perfplan\.example\.com\/api 不是本地 API。.*Templates\.Publisher/);
    const english = await seed(['--api=https://perfplan.example.com/api', '--lang', 'en-US'], zh);
    expect(english.err).toMatch(/^perfplan seed: PERFPLAN_TOKEN is not set\. Without it the token comes from the local development issuer/);
    expectEnglishOnly([english.err]);
    expect((await seed(['--help'], {})).out).toMatch(/^Usage: perfplan seed \[--api URL\]\n/);
  });

  it('token, LANG=zh_CN.UTF-8: usage errors, a production issuer and the minted token\'s summary in Chinese', async () => {
    const zh = { LANG: 'zh_CN.UTF-8' };
    const bad = await token(['--expires', 'soon'], zh);
    expect([bad.code, bad.out]).toEqual([1, '']);
    expect(bad.err.split('\n')[0]).toBe('perfplan token: --expires 需要一个时长，如 30m 或 1h；实际为 "soon"');
    expectChineseUsage(bad.err);
    const noLanguage = await token(['--lang'], zh);
    expect([noLanguage.code, noLanguage.err.split('\n')[0]]).toEqual([1, 'perfplan token: --lang 需要一种语言（en-US 或 zh-CN）']);
    const production = await token(['--role', 'admin'], { ...zh, PERFPLAN_AUTH_ISSUER: 'https://login.microsoftonline.com/t/v2.0', PERFPLAN_AUTH_AUDIENCE: 'api://perfplan' });
    expect([production.code, production.out]).toEqual([2, '']);
    expect(production.err).toBe('perfplan token: PERFPLAN_AUTH_ISSUER 设为了 "https://login.microsoftonline.com/t/v2.0"；开发令牌只能来自本地颁发者。本地开发时请取消该设置，或从 Entra ID 获取正式令牌。\n');
    const minted = await token(['--role', 'admin'], zh);
    expect(minted.code).toBe(0);
    expect(minted.out.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(minted.err).toMatch(/^perfplan token: 主体 "perfplan-dev-user"，组织 "perfplan-dev-org"，角色 \[Templates\.Admin\]，到期 \S+（颁发者 "perfplan-local"）\n$/);
    const english = await token(['--role', 'admin', '--lang=en-US'], zh);
    expect(english.err).toMatch(/^perfplan token: sub=perfplan-dev-user tid=perfplan-dev-org roles=\[Templates\.Admin\] expires \S+ \(issuer perfplan-local\)\n$/);
  });

  it('seed and token through perfplan itself follow LANG too', async () => {
    await withLocale({ LANG: 'zh_CN.UTF-8' }, async () => {
      const seedHelp = await run(['seed', '--help']);
      expect(seedHelp.out).toMatch(/^用法：perfplan seed/);
      const tokenUsage = await run(['token', '--bogus']);
      expect([tokenUsage.code, tokenUsage.err.split('\n')[0]]).toEqual([1, 'perfplan token: 未知选项 --bogus']);
      const unknown = await run(['bogus']);
      expect(unknown.err.split('\n')[0]).toBe('perfplan: 未知命令 "bogus"');
    });
  });
});
