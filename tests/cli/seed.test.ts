/**
 * `perfplan seed [--api URL]`: publishes the library to a running API over HTTP (the harness
 * API on Azurite here), with PERFPLAN_TOKEN or a publisher token from the local issuer, which
 * only a local API trusts; every failure says what to do, exit 2; usage errors exit 1.
 */
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { seedCommand } from '../../cli/seed';
import { BUILT_IN_TEMPLATES } from '../../library/templates';
import { ApiHarness, startApi } from '../functions/support/api';
import { captured } from '../support/captured-io';

const ROOT = path.resolve(__dirname, '..', '..');

let api: ApiHarness;
let elsewhere: string;
beforeAll(async () => {
  api = await startApi();
  elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-seed-'));
});
afterAll(async () => {
  await api.close();
  fs.rmSync(elsewhere, { recursive: true, force: true });
});

async function seed(args: string[], env: NodeJS.ProcessEnv) {
  return captured((io) => seedCommand(args, io, { env, root: elsewhere }));
}

describe('perfplan seed', () => {
  it('PERFPLAN_TOKEN (a publisher) and --api: every built-in created, and the rows', async () => {
    const { code, out, err } = await seed(['--api', api.url], { PERFPLAN_TOKEN: api.publisher });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(new RegExp(`^seeded templates: ${BUILT_IN_TEMPLATES.length} created, 0 updated, 0 unchanged; benchmark rows: \\d+\\n$`));
    const listed = (await (await fetch(`${api.url}/templates`)).json()).items.map((i: { id: string }) => i.id);
    expect(listed).toEqual(expect.arrayContaining(BUILT_IN_TEMPLATES.map((t) => t.metadata.id)));
  });

  it('no PERFPLAN_TOKEN, a local API (PERFPLAN_API_URL): a publisher token from the local issuer the API trusts; a second seed changes nothing', async () => {
    const { code, out, err } = await seed([], { PERFPLAN_API_URL: api.url, PERFPLAN_LOCAL_ISSUER_DIR: api.issuer.dir });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(new RegExp(`^seeded templates: 0 created, 0 updated, ${BUILT_IN_TEMPLATES.length} unchanged;`));
  });

  it('no PERFPLAN_TOKEN and an API that is not local: refused before any request, saying why', async () => {
    const { code, out, err } = await seed(['--api=https://perfplan.example.com/api'], {});
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(/PERFPLAN_TOKEN is not set/);
    expect(err).toMatch(/only a local API trusts, and https:\/\/perfplan\.example\.com\/api is not local/);
    expect(err).toMatch(/Templates\.Publisher/);
    expect(fs.existsSync(path.join(elsewhere, '.perfplan'))).toBe(false);
  });

  it('a local token from another key folder: 401, and the hint names the key folder and PERFPLAN_TOKEN', async () => {
    const { code, err } = await seed(['--api', api.url], {});
    expect(code).toBe(2);
    expect(err).toMatch(/HTTP 401/);
    expect(err).toMatch(/PERFPLAN_LOCAL_ISSUER_DIR.*PERFPLAN_TOKEN/);
  });

  it('a token without the publisher role: 403, and the hint names the role', async () => {
    const { code, err } = await seed(['--api', api.url], { PERFPLAN_TOKEN: `Bearer ${api.admin}` });
    expect(code).toBe(2);
    expect(err).toMatch(/HTTP 403/);
    expect(err).toMatch(/lacks the app role Templates\.Publisher/);
  });

  it('nothing listening: says so and asks whether the API is running', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { code, err } = await seed(['--api', `http://127.0.0.1:${port}/api`], { PERFPLAN_TOKEN: api.publisher });
    expect(code).toBe(2);
    expect(err).toMatch(/no answer from/);
    expect(err).toMatch(/Is the API running at http:\/\/127\.0\.0\.1:\d+\/api\?/);
  });

  it('--lang zh-CN (or LANG): the summary and the hint in Chinese, the API\'s refusal quoted as it put it', async () => {
    const done = await seed(['--api', api.url, '--lang', 'zh-CN'], { PERFPLAN_TOKEN: api.publisher });
    expect({ code: done.code, err: done.err }).toEqual({ code: 0, err: '' });
    expect(done.out).toMatch(new RegExp(`^已发布模板：新建 0 个，更新 0 个，未变 ${BUILT_IN_TEMPLATES.length} 个；基准数据：\\d+ 行\\n$`));
    const refused = await seed(['--api', api.url], { PERFPLAN_TOKEN: api.admin, LANG: 'zh_CN.UTF-8' });
    expect(refused.code).toBe(2);
    const [first, advice] = refused.err.split('\n');
    expect(first).toMatch(/^perfplan seed: "PUT \/builtins\/templates\/[\w-]+: HTTP 403 — .*"$/);
    expect(advice).toBe('该令牌缺少应用角色 Templates.Publisher。');
  });

  it('usage: --help exits 0; unknown options, a missing or bad URL exit 1', async () => {
    const help = await seed(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/perfplan seed \[--api URL\]/);
    expect(help.out).toMatch(/PERFPLAN_TOKEN/);
    for (const args of [['--bogus'], ['extra'], ['--api'], ['--api', 'not a url'], ['--api', 'ftp://host/api'], ['--api', 'http://user:pw@localhost/api']]) {
      const { code, out, err } = await seed(args, {});
      expect({ args, code, out }).toEqual({ args, code: 1, out: '' });
      expect(err).toContain('Usage: perfplan seed');
    }
  });
});

describe('the perfplan command (built into dist/ by npm install)', () => {
  it('npm run seed, i.e. perfplan seed from dist/, publishes to a running API (found unchanged after the first test)', async () => {
    // Asynchronous: the API answering it runs in this process.
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'cli', 'bin', 'perfplan.js'), 'seed', '--api', api.url],
        { cwd: ROOT, env: { ...process.env, PERFPLAN_TOKEN: api.publisher }, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^seeded templates: 0 created, 0 updated, ${BUILT_IN_TEMPLATES.length} unchanged;`));
  });

  const perfplan = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [path.join(ROOT, 'cli', 'bin', 'perfplan.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

  it('perfplan seed --help and perfplan token --role publisher (dispatched to dev/token.ts)', () => {
    const help = perfplan(['seed', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/perfplan seed \[--api URL\]/);
    const token = perfplan(['token', '--role', 'publisher'], { PERFPLAN_LOCAL_ISSUER_DIR: path.join(elsewhere, 'issuer') });
    expect(token.status).toBe(0);
    expect(token.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(token.stderr).toMatch(/roles=\[Templates\.Publisher\]/);
  });
});
