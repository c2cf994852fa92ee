/**
 * The `perfplan` bin (cli/bin/perfplan.js) says its own two messages in the command line's
 * locale: that the CLI is not built yet (before anything is compiled: i18n/cli-bin.json, the
 * locale decided by the bin's copy of i18n's decision, which must agree with it) and a
 * failure of perfplan itself (the compiled CLI's crashLine).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, argumentsLocale } from '../../i18n/cli';
import { tempDir } from '../support/workbook';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'cli', 'bin', 'perfplan.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bin = require(BIN) as { binLocale(argv: string[], env: Record<string, string | undefined>): string };

const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'];

/** The bin at `file` in a child process with exactly these locale variables. */
function perfplan(file: string, args: string[], locale: Record<string, string> = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !LOCALE_VARIABLES.includes(name)));
  return spawnSync(process.execPath, [file, ...args], { env: { ...env, ...locale }, encoding: 'utf8' });
}

describe("the bin's locale is the command line's", () => {
  const TAGS = [undefined, '', 'C', 'C.UTF-8', 'POSIX', 'en_US.UTF-8', 'fr_FR', 'zh', 'zh_CN.UTF-8', 'zh-CN', 'zh_SG', 'zh-Hans', 'zh-Hans-HK', 'zh_TW.UTF-8', 'zh-HK', 'zh_MO', 'zh-Hant', 'zh-Hant-CN', 'ZH_cn.gb18030', 'zh_CN@pinyin', 'en-GB'];
  const ARGUMENTS = [[], ['calc', 'b.xlsx'], ['--lang', 'zh-CN'], ['--lang=zh_CN'], ['--lang', 'en-US'], ['--lang'], ['--lang='], ['--lang', 'zh-CN', '--lang=en-US'], ['--lang=en', '--lang', 'zh-TW'], ['--lang', '--lang=zh-CN']];

  it('agrees with i18n/cli.ts argumentsLocale for every --lang and environment', () => {
    const disagreements: string[] = [];
    for (const argv of ARGUMENTS) {
      for (const variable of LOCALE_VARIABLES) {
        for (const tag of TAGS) {
          const env = tag === undefined ? {} : { [variable]: tag };
          const expected = argumentsLocale(argv, env);
          if (bin.binLocale(argv, env) !== expected) disagreements.push(`${JSON.stringify(argv)} ${JSON.stringify(env)}: ${expected}`);
        }
      }
      // LC_ALL before LC_MESSAGES before LANG.
      for (const env of [{ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, { LC_ALL: 'zh_CN', LC_MESSAGES: 'en_US' }]) {
        if (bin.binLocale(argv, env) !== argumentsLocale(argv, env)) disagreements.push(`${JSON.stringify(argv)} ${JSON.stringify(env)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe("the bin's own messages", () => {
  let home: string;
  beforeAll(() => {
    // A copy of the bin with what it reads beside it, and no dist/ — as a fresh clone before npm install.
    home = tempDir('perfplan-bin-');
    fs.mkdirSync(path.join(home, 'cli', 'bin'), { recursive: true });
    fs.mkdirSync(path.join(home, 'i18n'));
    fs.copyFileSync(BIN, path.join(home, 'cli', 'bin', 'perfplan.js'));
    fs.copyFileSync(path.join(ROOT, 'i18n', 'cli-bin.json'), path.join(home, 'i18n', 'cli-bin.json'));
  });

  it('not built yet: exit 1, in the locale; English exactly as it always read', () => {
    const file = path.join(home, 'cli', 'bin', 'perfplan.js');
    const english = perfplan(file, ['calc', 'book.xlsx']);
    expect([english.status, english.stdout, english.stderr]).toEqual([1, '', 'perfplan: the CLI is not built yet; run "npm install" (or "npm run prepare") in the PerfPlan folder first.\n']);
    const chinese = perfplan(file, ['calc', 'book.xlsx'], { LANG: 'zh_CN.UTF-8' });
    expect([chinese.status, chinese.stderr]).toEqual([1, `perfplan: ${CLI.notBuilt['zh-CN']}\n`]);
    expect(chinese.stderr).toBe('perfplan: 命令行尚未构建；请先在 PerfPlan 文件夹中运行 "npm install"（或 "npm run prepare"）。\n');
    expect(perfplan(file, ['calc', '--lang', 'en-US'], { LANG: 'zh_CN.UTF-8' }).stderr).toBe(english.stderr);
    expect(perfplan(file, ['--lang=zh-CN'], { LC_ALL: 'en_US.UTF-8' }).stderr).toBe(chinese.stderr);
  });

  it('a failure of perfplan itself: exit 5, one line in the locale, the stack only with PERFPLAN_DEBUG', () => {
    // The compiled CLI (dist/, built by npm install and by the tests' setup) with a main that fails.
    const dist = path.join(home, 'dist', 'cli');
    fs.mkdirSync(dist, { recursive: true });
    const real = path.join(ROOT, 'dist', 'cli', 'main.js');
    fs.writeFileSync(path.join(dist, 'main.js'), `const real = require(${JSON.stringify(real)});\nmodule.exports = { ...real, main: async () => { throw new TypeError('x is not a function'); } };\n`);
    const file = path.join(home, 'cli', 'bin', 'perfplan.js');
    const english = perfplan(file, ['calc', 'book.xlsx']);
    expect([english.status, english.stdout, english.stderr]).toEqual([5, '', 'perfplan: internal error: x is not a function\n']);
    const chinese = perfplan(file, ['calc', 'book.xlsx'], { LANG: 'zh_CN.UTF-8' });
    expect([chinese.status, chinese.stderr]).toEqual([5, 'perfplan: 内部错误："x is not a function"\n']);
    const debug = spawnSync(process.execPath, [file, 'calc'], { env: { ...process.env, PERFPLAN_DEBUG: '1', LANG: 'en_US.UTF-8', LC_ALL: '' }, encoding: 'utf8' });
    expect(debug.stderr).toMatch(/^perfplan: internal error: TypeError: x is not a function\n\s+at /);
  });
});
