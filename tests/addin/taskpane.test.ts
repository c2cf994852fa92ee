/**
 * The task pane's pure parts (no browser, no jsdom): locale choice, the en-US / zh-CN string
 * tables, standalone detection, the API client against a stubbed fetch, the benchmark
 * formula/value helpers — and server-side renders of the shell and views (react-dom/server)
 * to check that API text stays text, links are safe and Excel-only actions are disabled
 * outside Excel. The browser itself is the e2e tests' job.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  ApiError,
  DEFAULT_API_BASE,
  FetchLike,
  TemplateDetails,
  bytesToBase64,
  createApiClient,
  errorMessage,
  isAbortError,
  localizedText,
  normalizeBenchmark,
  resolveApiBase,
  safeHttpUrl,
  templateDownloadUrl,
} from '../../addin/taskpane/api';
import { App, TABS, TabDefinition, tabFromQuery } from '../../addin/taskpane/app';
import { formatBytes, formatDate } from '../../addin/taskpane/components/format';
import { writeSelectedCell } from '../../addin/taskpane/excel';
import { HOST_TIMEOUT_MS, OfficeLike, detectHost } from '../../addin/taskpane/host';
import { LOCALES, StringKey, pickLocale, placeholders, stringsOf, translate, translator } from '../../addin/taskpane/locale';
import { PANE as PANE_TEXTS } from '../../i18n/pane';
import BenchmarksView, { BenchmarkCard } from '../../addin/taskpane/views/benchmarks';
import { benchmarkFormula, benchmarkValueAt, publishedPercentiles } from '../../addin/taskpane/views/benchmarks/model';
import TemplatesView, { TemplateDetailsBody, TemplateListItem } from '../../addin/taskpane/views/templates';
import type { Locale } from '../../addin/taskpane/view-contract';

const h = React.createElement;
const ROOT = resolve(__dirname, '..', '..');
const PANE = join(ROOT, 'addin', 'taskpane');
const HTML = readFileSync(join(PANE, 'taskpane.html'), 'utf8');
/** The shell's catalog (i18n/pane.ts) rendered in each locale: what the pane's tables used to be. */
const JSON_FILES: Record<Locale, Record<string, unknown>> = { 'en-US': stringsOf('en-US'), 'zh-CN': stringsOf('zh-CN') };
const CJK = /[\u3400-\u9fff]/;
const XSS = '<img src=x onerror=alert(1)>';
const XSS_TEXT = '&lt;img src=x onerror=alert(1)&gt;';

/** The pane's own sources (the weights view belongs to its author and has its own tests). */
function paneSources(dir = PANE): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'weights' || name === 'i18n' ? [] : paneSources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
const SOURCES = paneSources().map((path) => ({ path, text: readFileSync(path, 'utf8') }));

// ---------------------------------------------------------------------------------------------

describe('pickLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['ZH-CN', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
  ])('Simplified Chinese %s → %s', (language, expected) => {
    expect(pickLocale(language)).toBe(expected);
  });

  // Decision: Traditional Chinese gets en-US, because the manifest overrides only zh-cn, so in
  // these Office languages the ribbon and the PERF.* catalog (names, descriptions) are en-US.
  it.each([['zh-TW'], ['zh-tw'], ['zh-HK'], ['zh-MO'], ['zh-Hant'], ['zh-Hant-TW'], ['zh-Hant-CN']])('Traditional Chinese %s → en-US', (language) => {
    expect(pickLocale(language)).toBe('en-US');
  });

  it.each([['en-US'], ['en-GB'], ['en'], ['fr-FR'], ['ja-JP'], ['zu-ZA'], ['']])('%s → en-US', (language) => {
    expect(pickLocale(language)).toBe('en-US');
  });

  it('undefined or null (no Office, no browser language) → en-US', () => {
    expect(pickLocale(undefined)).toBe('en-US');
    expect(pickLocale(null)).toBe('en-US');
  });
});

describe('i18n string tables', () => {
  const en = JSON_FILES['en-US'];
  const zh = JSON_FILES['zh-CN'];

  it('has one catalog (i18n/pane.ts) with both languages side by side for every key', () => {
    expect(LOCALES).toEqual(['en-US', 'zh-CN']);
    for (const [key, text] of Object.entries(PANE_TEXTS)) expect({ key, locales: Object.keys(text).sort() }).toEqual({ key, locales: ['en-US', 'zh-CN'] });
    for (const locale of LOCALES) expect(Object.keys(JSON_FILES[locale])).toEqual(Object.keys(PANE_TEXTS));
  });

  it('en-US and zh-CN have identical keys, in the same order', () => {
    expect(Object.keys(zh)).toEqual(Object.keys(en));
  });

  it('every value is a non-empty string, and meta.lang names its own locale', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(JSON_FILES[locale])) {
        expect({ locale, key, ok: typeof value === 'string' && value.trim() !== '' }).toEqual({ locale, key, ok: true });
      }
      expect(JSON_FILES[locale]['meta.lang']).toBe(locale);
    }
  });

  it('uses the same {placeholders} in both languages', () => {
    for (const key of Object.keys(en)) {
      expect({ key, zh: placeholders(zh[key] as string) }).toEqual({ key, zh: placeholders(en[key] as string) });
    }
  });

  it('translates every prose string into Chinese (and keeps Chinese out of en-US)', () => {
    // Names and formats that read the same in both languages: the product, each language's own
    // name, version and percentile labels (v2, P50), the file name and group count patterns.
    const formats = ['templates.versionName', 'templates.fileName', 'templates.list.separator', 'benchmarks.percentile', 'benchmarks.group'];
    const selfNamed = (key: string) => key.startsWith('meta.') || key.startsWith('lang.') || key === 'app.title' || formats.includes(key);
    const prose = Object.keys(en).filter((key) => !selfNamed(key));
    expect(prose.length).toBeGreaterThan(60);
    for (const key of prose) {
      expect({ key, zh: zh[key] }).toEqual({ key, zh: expect.stringMatching(CJK) });
      expect({ key, en: CJK.test(en[key] as string) }).toEqual({ key, en: false });
    }
    // The language switch names each language in itself, the same in both tables.
    expect([en['lang.en-US'], en['lang.zh-CN']]).toEqual(['English', '中文']);
    expect([zh['lang.en-US'], zh['lang.zh-CN']]).toEqual(['English', '中文']);
  });

  it('every key is used by the pane (literally, or through a tab, category or language name)', () => {
    const source = SOURCES.map((s) => s.text).join('\n');
    const dynamic = (key: string) => /^(meta|lang|tab|templates\.category)\./.test(key);
    const unused = Object.keys(en).filter((key) => !dynamic(key) && !source.includes(`'${key}'`));
    expect(unused).toEqual([]);
    for (const tab of TABS) expect(en).toHaveProperty([tab.label]);
  });
});

describe('translate', () => {
  it('fills {placeholders} and leaves unknown ones visible', () => {
    expect(translate('en-US', 'templates.count', { count: 3 })).toBe('Templates found: 3');
    expect(translate('zh-CN', 'templates.count', { count: 3 })).toBe('找到 3 个模板');
    expect(translate('en-US', 'templates.count')).toBe('Templates found: {count}');
    expect(translate('en-US', 'templates.count', {})).toBe('Templates found: {count}');
  });

  it('falls back to the key for an unknown key and never reads the prototype chain', () => {
    expect(translate('en-US', 'no.such.key' as StringKey)).toBe('no.such.key');
    expect(translate('en-US', 'toString' as StringKey)).toBe('toString');
    expect(translate('en-US', 'templates.inserted', { title: XSS, sheets: 'Plan' })).toBe(`Inserted "${XSS}" into the workbook: Plan.`);
  });

  it('translator binds a locale', () => {
    expect(translator('zh-CN')('tab.benchmarks')).toBe('基准');
  });
});

// ---------------------------------------------------------------------------------------------

describe('detectHost (standalone detection)', () => {
  const excel = (displayLanguage = 'zh-CN'): OfficeLike => ({ onReady: async () => ({ host: 'Excel', platform: 'PC' }), context: { displayLanguage } });

  it('no Office global (office.js absent or unreachable) → standalone at once', async () => {
    await expect(detectHost(undefined)).resolves.toEqual({ inExcel: false, reason: 'no-office-js' });
    await expect(detectHost({} as OfficeLike)).resolves.toEqual({ inExcel: false, reason: 'no-office-js' });
  });

  it('Office.onReady with the Excel host → in Excel, with the display language', async () => {
    await expect(detectHost(excel())).resolves.toEqual({ inExcel: true, reason: 'excel', displayLanguage: 'zh-CN' });
  });

  it('Office.onReady with no host (plain browser tab) → standalone', async () => {
    await expect(detectHost({ onReady: async () => ({ host: null, platform: null }), context: { displayLanguage: 'zh-CN' } })).resolves.toEqual({
      inExcel: false,
      reason: 'no-host',
    });
    await expect(detectHost({ onReady: async () => undefined })).resolves.toMatchObject({ inExcel: false, reason: 'no-host' });
  });

  it('another Office host → not Excel', async () => {
    await expect(detectHost({ onReady: async () => ({ host: 'Word' }), context: { displayLanguage: 'en-US' } })).resolves.toEqual({
      inExcel: false,
      reason: 'other-host',
      displayLanguage: 'en-US',
    });
  });

  it('Office.onReady rejecting or throwing → standalone', async () => {
    await expect(detectHost({ onReady: () => Promise.reject(new Error('boom')) })).resolves.toEqual({ inExcel: false, reason: 'error' });
    await expect(
      detectHost({
        onReady: () => {
          throw new Error('boom');
        },
      }),
    ).resolves.toEqual({ inExcel: false, reason: 'error' });
  });

  it('a display language that throws on read is ignored', async () => {
    const office: OfficeLike = {
      onReady: async () => ({ host: 'Excel' }),
      get context(): { displayLanguage?: string } {
        throw new Error('not ready');
      },
    };
    await expect(detectHost(office)).resolves.toEqual({ inExcel: true, reason: 'excel', displayLanguage: undefined });
  });

  describe('with fake timers', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it(`Office.onReady never answering → standalone after ${HOST_TIMEOUT_MS} ms`, async () => {
      let settled: unknown;
      void detectHost({ onReady: () => new Promise(() => undefined) }).then((d) => (settled = d));
      await jest.advanceTimersByTimeAsync(HOST_TIMEOUT_MS - 1);
      expect(settled).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      expect(settled).toEqual({ inExcel: false, reason: 'timeout' });
    });

    it('a late Excel answer (after the timeout) reaches onLate', async () => {
      let ready: (info: { host: string }) => void = () => undefined;
      const onLate = jest.fn();
      const detection = detectHost(
        { onReady: () => new Promise((resolve) => (ready = resolve)), context: { displayLanguage: 'en-US' } },
        { timeoutMs: 100, onLate },
      );
      await jest.advanceTimersByTimeAsync(100);
      await expect(detection).resolves.toEqual({ inExcel: false, reason: 'timeout' });
      ready({ host: 'Excel' });
      await jest.advanceTimersByTimeAsync(0);
      expect(onLate).toHaveBeenCalledWith({ inExcel: true, reason: 'excel', displayLanguage: 'en-US' });
    });

    it('an answer within the timeout clears the timer', async () => {
      await expect(detectHost(excel('en-US'), { timeoutMs: 100 })).resolves.toMatchObject({ inExcel: true });
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('apiBase and links', () => {
  it.each([
    ['', DEFAULT_API_BASE],
    ['?tab=benchmarks', DEFAULT_API_BASE],
    ['?api=', DEFAULT_API_BASE],
    ['?api=/api/', '/api'],
    ['?api=/proxy/api', '/proxy/api'],
    ['?api=http://localhost:7071/api', 'http://localhost:7071/api'],
    ['?api=https://perfplan.example/api/', 'https://perfplan.example/api'],
    ['?api=' + encodeURIComponent('http://127.0.0.1:7071/api?x=1#y'), 'http://127.0.0.1:7071/api'],
    ['?api=javascript:alert(1)', DEFAULT_API_BASE],
    ['?api=//evil.example/api', DEFAULT_API_BASE],
    ['?api=data:text/html,hi', DEFAULT_API_BASE],
    ['?api=not a url', DEFAULT_API_BASE],
  ])('resolveApiBase(%j) → %s', (search, expected) => {
    expect(resolveApiBase(search)).toBe(expected);
  });

  it('safeHttpUrl keeps http(s) URLs (resolved against the page) and refuses the rest', () => {
    const page = 'https://localhost:3000/taskpane.html';
    expect(safeHttpUrl('/api/templates/x/download', page)).toBe('https://localhost:3000/api/templates/x/download');
    expect(safeHttpUrl('http://localhost:7071/api/x', page)).toBe('http://localhost:7071/api/x');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '', 42, null]) {
      expect(safeHttpUrl(bad, page)).toBeNull();
    }
  });

  it('templateDownloadUrl uses the API downloadUrl, sets ?version=, and falls back when the URL is unsafe', () => {
    const page = 'https://localhost:3000/taskpane.html';
    const template = { id: 'tiered-commission', downloadUrl: 'https://localhost:3000/api/templates/tiered-commission/download?version=3' };
    expect(templateDownloadUrl('/api', template, undefined, page)).toBe(template.downloadUrl);
    expect(templateDownloadUrl('/api', template, 1, page)).toBe('https://localhost:3000/api/templates/tiered-commission/download?version=1');
    expect(templateDownloadUrl('/api', { id: 'x-y-z', downloadUrl: 'javascript:alert(1)' }, 2, page)).toBe('https://localhost:3000/api/templates/x-y-z/download?version=2');
    expect(templateDownloadUrl('/api', { id: 'x-y-z' }, undefined, page)).toBe('https://localhost:3000/api/templates/x-y-z/download');
  });

  it('tabFromQuery opens a known tab, else Templates', () => {
    expect(tabFromQuery('?tab=benchmarks')).toBe('benchmarks');
    expect(tabFromQuery('?tab=plan')).toBe('plan');
    expect(tabFromQuery('?tab=nope')).toBe('templates');
    expect(tabFromQuery('')).toBe('templates');
  });
});

// ---------------------------------------------------------------------------------------------

type Call = { url: string; init?: RequestInit };

/** A fetch that answers from a function and records its calls. */
function stubFetch(answer: (url: string) => Response | Promise<Response>): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      if (init?.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      return answer(url);
    },
  };
}

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const problem = (status: number, title: string, detail: string, errors?: unknown) => json(status, { type: 'about:blank', title, status, detail, errors }, 'application/problem+json');

const TEMPLATE = {
  id: 'tiered-commission',
  version: 2,
  title: { en: 'Tiered commission', zh: '阶梯提成' },
  description: { en: 'Six tiers.', zh: '六个阶梯。' },
  category: 'incentive',
  tags: ['commission', 'tiers'],
  sizeBytes: 12_345,
  sha256: 'ab'.repeat(32),
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
  deleted: false,
  downloadUrl: 'http://localhost:7071/api/templates/tiered-commission/download?version=2',
};

describe('API client (stubbed fetch)', () => {
  it('lists templates with q and category, omitting empty filters, and asks for JSON', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { items: [TEMPLATE] }));
    const api = createApiClient('/api', fetch);
    const items = await api.listTemplates({ q: '  commission ', category: 'incentive' });
    expect(calls[0].url).toBe('/api/templates?q=commission&category=incentive');
    expect(calls[0].init?.headers).toEqual({ Accept: 'application/json' });
    expect(items).toEqual([
      {
        id: 'tiered-commission',
        version: 2,
        title: TEMPLATE.title,
        description: TEMPLATE.description,
        category: 'incentive',
        tags: ['commission', 'tiers'],
        sizeBytes: 12_345,
        createdAt: TEMPLATE.createdAt,
        updatedAt: TEMPLATE.updatedAt,
        downloadUrl: TEMPLATE.downloadUrl,
      },
    ]);
    await api.listTemplates({ q: '', category: '' });
    expect(calls[1].url).toBe('/api/templates');
  });

  it('gets one template (id URL-encoded) with its versions, newest first', async () => {
    const { fetch, calls } = stubFetch(() =>
      json(200, {
        ...TEMPLATE,
        versions: [
          { version: 1, sha256: 'a', sizeBytes: 10, createdAt: '2025-01-01T00:00:00Z' },
          { version: 2, sha256: 'b', sizeBytes: 20, createdAt: '2025-02-01T00:00:00Z' },
          'junk',
        ],
      }),
    );
    const details = await createApiClient('http://localhost:7071/api', fetch).getTemplate('a/b?c');
    expect(calls[0].url).toBe('http://localhost:7071/api/templates/a%2Fb%3Fc');
    expect(details.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('turns a problem+json answer into an ApiError carrying status, title, detail and field errors', async () => {
    const { fetch } = stubFetch(() => problem(404, 'Not Found', 'No template "nope".', [{ path: 'id', message: 'unknown' }, 'junk']));
    const error = await createApiClient('/api', fetch)
      .getTemplate('nope')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 404, title: 'Not Found', detail: 'No template "nope".', errors: [{ path: 'id', message: 'unknown' }] });
    expect(errorMessage(error, translator('en-US'))).toBe('No template "nope".');
  });

  it('a non-JSON error body (a proxy page) → an http ApiError with a generic, translated message', async () => {
    const { fetch } = stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const error = await createApiClient('/api', fetch)
      .listBenchmarks({})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'http', status: 502, detail: undefined, title: undefined });
    expect(errorMessage(error, translator('en-US'))).toBe('The PerfPlan service answered with an error (HTTP 502).');
    expect(errorMessage(error, translator('zh-CN'))).toBe('PerfPlan 服务返回错误（HTTP 502）。');
  });

  it('503 with only a title shows the title', async () => {
    const { fetch } = stubFetch(() => json(503, { title: 'Service Unavailable', status: 503 }, 'application/problem+json'));
    const error = await createApiClient('/api', fetch)
      .listTemplates({})
      .catch((e: unknown) => e);
    expect(errorMessage(error, translator('en-US'))).toBe('Service Unavailable');
  });

  it('clips a very long detail', async () => {
    const { fetch } = stubFetch(() => problem(400, 'Bad Request', 'x'.repeat(5000)));
    const error = (await createApiClient('/api', fetch)
      .listTemplates({})
      .catch((e: unknown) => e)) as ApiError;
    expect(error.detail!.length).toBeLessThanOrEqual(501);
  });

  it('fetch failing (offline, CORS, DNS) → a network ApiError', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await createApiClient('/api', fetch)
      .listTemplates({})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network' });
    expect(errorMessage(error, translator('en-US'))).toMatch(/could not be reached/);
  });

  it('an aborted request rethrows the AbortError untouched', async () => {
    const { fetch } = stubFetch(() => json(200, { items: [] }));
    const controller = new AbortController();
    controller.abort();
    const error = await createApiClient('/api', fetch)
      .listTemplates({}, controller.signal)
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(isAbortError(error)).toBe(true);
  });

  it('a 200 that is not JSON, or not {items: [...]}, → a parse ApiError', async () => {
    for (const response of [() => new Response('not json', { status: 200 }), () => json(200, { items: 'nope' }), () => json(200, [1, 2])]) {
      const { fetch } = stubFetch(response);
      const error = await createApiClient('/api', fetch)
        .listTemplates({})
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'parse' });
      expect(errorMessage(error, translator('en-US'))).toBe('The PerfPlan service sent an answer that could not be read.');
    }
  });

  it('drops malformed items and fills defaults', async () => {
    const { fetch } = stubFetch(() => json(200, { items: [null, 'x', { id: '' }, { id: 'only-id' }, { id: 'zh-only', title: { zh: '仅中文' }, tags: ['a', 3] }] }));
    const items = await createApiClient('/api', fetch).listTemplates({});
    expect(items.map((i) => i.id)).toEqual(['only-id', 'zh-only']);
    expect(items[0]).toMatchObject({ version: 1, title: { en: 'only-id', zh: 'only-id' }, tags: [], category: '' });
    expect(localizedText(items[1].title, 'en-US')).toBe('仅中文');
    expect(items[1].tags).toEqual(['a']);
  });

  it('lists benchmarks by metric and segment, keeping only finite numbers', async () => {
    const { fetch, calls } = stubFetch(() =>
      json(200, {
        items: [
          { metric: 'labour_cost_share', segment: 'retail', unit: 'ratio', p25: 0.1, p50: 0.15, p75: 0.2, p90: 'x', n: 12, source: 'Survey', updatedAt: '2025-01-01T00:00:00Z' },
          { metric: 'peer_metric', segment: 'all', period: '2025', n: 3, source: 'PerfPlan peer contributions', updatedAt: '2025-03-01T00:00:00Z' },
          { segment: 'no-metric' },
        ],
      }),
    );
    const rows = await createApiClient('/api', fetch).listBenchmarks({ metric: 'labour_cost_share', segment: '' });
    expect(calls[0].url).toBe('/api/benchmarks?metric=labour_cost_share');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ p25: 0.1, p50: 0.15, p75: 0.2, p90: undefined, n: 12 });
    expect(rows[1]).toMatchObject({ metric: 'peer_metric', period: '2025', unit: '', value: undefined });
  });

  it('downloads template bytes and refuses anything that is not a zip', async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const ok = stubFetch(() => new Response(xlsx, { status: 200 }));
    await expect(createApiClient('/api', ok.fetch).downloadTemplate(TEMPLATE.downloadUrl)).resolves.toEqual(xlsx);
    expect(ok.calls[0].url).toBe(TEMPLATE.downloadUrl);

    const html = stubFetch(() => new Response('<!doctype html>', { status: 200 }));
    await expect(createApiClient('/api', html.fetch).downloadTemplate('/x')).rejects.toMatchObject({ kind: 'parse' });

    const gone = stubFetch(() => problem(410, 'Gone', 'Template "x" was deleted.'));
    await expect(createApiClient('/api', gone.fetch).downloadTemplate('/x')).rejects.toMatchObject({ kind: 'http', status: 410, detail: 'Template "x" was deleted.' });
  });

  it('a non-API error (Excel) reads as an Excel message', () => {
    expect(errorMessage(new Error('The selection is protected.'), translator('en-US'))).toBe('Excel could not complete the action: The selection is protected.');
  });
});

describe('bytesToBase64', () => {
  it('matches Node for empty, small and multi-chunk inputs', () => {
    const big = new Uint8Array(300_001);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 256;
    for (const bytes of [new Uint8Array(0), new Uint8Array([0, 255, 128]), big]) {
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

describe('benchmark formula and value', () => {
  it('writes =PERF.BENCHMARK("metric","segment",p) with quotes doubled', () => {
    expect(benchmarkFormula('labour_cost_share', 'retail', 50)).toBe('=PERF.BENCHMARK("labour_cost_share","retail",50)');
    expect(benchmarkFormula('a"b', '', 75)).toBe('=PERF.BENCHMARK("a""b","all",75)');
  });

  it('offers the published percentiles, and the value PERF.BENCHMARK would return', () => {
    const valueRow = normalizeBenchmark({ metric: 'm', segment: 'all', value: 0.6, n: 1, source: 's' })!;
    expect(publishedPercentiles(valueRow)).toEqual([50]);
    expect(benchmarkValueAt(valueRow, 50)).toBe(0.6);
    expect(benchmarkValueAt(valueRow, 75)).toBeNull();

    const spread = normalizeBenchmark({ metric: 'm', p25: 10, p50: 20, p90: 40, n: 9, source: 's' })!;
    expect(publishedPercentiles(spread)).toEqual([25, 50, 90]);
    expect(benchmarkValueAt(spread, 90)).toBe(40);
    expect(benchmarkValueAt(spread, 70)).toBe(30); // interpolated, as the engine does

    const withheld = normalizeBenchmark({ metric: 'm', n: 3, source: 'peers' })!;
    expect(publishedPercentiles(withheld)).toEqual([]);
    expect(benchmarkValueAt(withheld, 50)).toBeNull();
  });
});

describe('formatting', () => {
  it('formats dates and sizes per locale, passing unreadable input through', () => {
    expect(formatDate('2025-01-01T00:00:00.000Z', 'en-US')).toBe('Jan 1, 2025');
    expect(formatDate('2025-01-01T00:00:00.000Z', 'zh-CN')).toBe('2025年1月1日');
    expect(formatDate('soon', 'en-US')).toBe('soon');
    expect(formatDate(undefined, 'en-US')).toBe('');
    expect(formatBytes(12_345, 'en-US')).toBe('12.1 kB');
    expect(formatBytes(3 * 1024 * 1024, 'en-US')).toBe('3 MB');
    expect(formatBytes(undefined, 'en-US')).toBe('');
  });
});

describe('Excel actions', () => {
  /** A RequestContext fake: the selection's top-left cell records what is written. */
  function fakeContext() {
    const cell: { formulas?: unknown; values?: unknown; address: string; loaded: string[] } = { address: 'Error, property was not loaded', loaded: [] };
    const calls: unknown[][] = [];
    let syncs = 0;
    const context = {
      workbook: {
        getSelectedRange: () => ({
          getCell: (row: number, column: number) => {
            calls.push([row, column]);
            return Object.assign(cell, { load: (p: string) => cell.loaded.push(p) });
          },
        }),
      },
      sync: async () => {
        syncs++;
        if (cell.loaded.includes('address')) cell.address = 'Sheet1!C3';
      },
    };
    return { context: context as unknown as Excel.RequestContext, cell, calls, syncs: () => syncs };
  }

  it('writes the formula into the top-left cell of the selection, in one sync, and returns its address', async () => {
    const f = fakeContext();
    await expect(writeSelectedCell(f.context, { formula: benchmarkFormula('individual_weight', 'online', 50) })).resolves.toBe('Sheet1!C3');
    expect(f.calls).toEqual([[0, 0]]);
    expect(f.cell.formulas).toEqual([['=PERF.BENCHMARK("individual_weight","online",50)']]);
    expect(f.cell.values).toBeUndefined();
    expect(f.syncs()).toBe(1);
  });

  it('writes a value as a number', async () => {
    const f = fakeContext();
    await writeSelectedCell(f.context, { value: 0.6 });
    expect(f.cell.values).toEqual([[0.6]]);
    expect(f.cell.formulas).toBeUndefined();
  });

  it('inserts templates through addin/office/insert-template, loaded lazily', () => {
    const source = readFileSync(join(PANE, 'excel.ts'), 'utf8');
    expect(source).toMatch(/await import\(\/\* webpackChunkName: "office-insert-template" \*\/ '\.\.\/office\/insert-template'\)/);
    expect(source).not.toMatch(/^import[^;]*from '\.\.\/office\//m);
  });
});

// ---------------------------------------------------------------------------------------------
// Server-side renders: what React puts in the DOM (no browser needed).

const PAGE = 'https://localhost:3000/taskpane.html';
const noDownload = { apiBase: '/api', downloadTemplate: async () => new Uint8Array() };

function details(overrides: Partial<TemplateDetails> = {}): TemplateDetails {
  return {
    id: 'tiered-commission',
    version: 2,
    title: { en: 'Tiered commission', zh: '阶梯提成' },
    description: { en: 'Six tiers.', zh: '六个阶梯。' },
    category: 'incentive',
    tags: ['commission'],
    sizeBytes: 12_345,
    updatedAt: '2025-02-01T00:00:00.000Z',
    downloadUrl: 'https://localhost:3000/api/templates/tiered-commission/download?version=2',
    versions: [
      { version: 2, sizeBytes: 12_345, createdAt: '2025-02-01T00:00:00.000Z' },
      { version: 1, sizeBytes: 10_000, createdAt: '2025-01-01T00:00:00.000Z' },
    ],
    ...overrides,
  };
}

/** The start tag of the element carrying data-testid="id". */
function tagOf(html: string, id: string): string {
  const at = html.indexOf(`data-testid="${id}"`);
  if (at < 0) throw new Error(`no data-testid="${id}" in ${html.slice(0, 300)}…`);
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

describe('views render API text as text', () => {
  it('a template whose title, description and tags are markup shows them literally', () => {
    const html = renderToStaticMarkup(
      h(TemplateDetailsBody, {
        template: details({ title: { en: XSS, zh: XSS }, description: { en: `<script>alert(2)</script>`, zh: '' }, tags: [`"><svg onload=alert(3)>`] }),
        client: noDownload,
        locale: 'en-US',
        inExcel: false,
        t: translator('en-US'),
        baseUrl: PAGE,
      }),
    );
    expect(html).toContain(XSS_TEXT);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(html).not.toMatch(/<img|<script|<svg/i);
  });

  it('the list item shows the title in the current language, literally', () => {
    const item = { ...details(), title: { en: XSS, zh: '中文标题' } };
    const en = renderToStaticMarkup(h(TemplateListItem, { item, locale: 'en-US', t: translator('en-US'), selected: false, onSelect: () => undefined }));
    expect(en).toContain(XSS_TEXT);
    expect(en).not.toContain('<img');
    expect(en).toContain('Incentive');
    const zh = renderToStaticMarkup(h(TemplateListItem, { item, locale: 'zh-CN', t: translator('zh-CN'), selected: true, onSelect: () => undefined }));
    expect(zh).toContain('中文标题');
    expect(zh).toContain('激励');
    expect(tagOf(zh, 'template-item-tiered-commission')).toContain('aria-current="true"');
  });

  it('a benchmark whose names and source are markup shows them literally', () => {
    const row = normalizeBenchmark({ metric: XSS, segment: '<b>x</b>', value: 1, n: 1, source: XSS })!;
    const html = renderToStaticMarkup(h(BenchmarkCard, { row, locale: 'en-US', inExcel: false, t: translator('en-US') }));
    expect(html).toContain(XSS_TEXT);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toMatch(/<img|<b>/);
  });

  it('no pane source writes HTML', () => {
    for (const { path, text } of SOURCES) {
      expect({ path, bad: /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write/.test(text) }).toEqual({ path, bad: false });
    }
  });
});

describe('template details', () => {
  const render = (inExcel: boolean, locale: Locale = 'en-US', template = details()) =>
    renderToStaticMarkup(h(TemplateDetailsBody, { template, client: noDownload, locale, inExcel, t: translator(locale), baseUrl: PAGE }));

  it('shows the description, tags and every version, with real download links', () => {
    const html = render(true);
    expect(html).toContain('Six tiers.');
    expect(html).toContain('commission');
    const download = tagOf(html, 'template-download');
    expect(download).toMatch(/^<a /);
    // ?locale=: when the browser saves the API's answer itself, the API names it the same way.
    expect(download).toContain('href="https://localhost:3000/api/templates/tiered-commission/download?version=2&amp;locale=en-US"');
    expect(download).toContain('download="Tiered commission v2.xlsx"'); // the title in the user's language (issue 14)
    expect(html).toContain('href="https://localhost:3000/api/templates/tiered-commission/download?version=1&amp;locale=en-US"');
    expect(html).toContain('download="Tiered commission v1.xlsx"');
  });

  it('in Excel, Insert into workbook is enabled', () => {
    const insert = tagOf(render(true), 'template-insert');
    expect(insert).not.toMatch(/disabled/);
  });

  it('standalone, Insert into workbook is disabled (still focusable) and described by a note', () => {
    const html = render(false);
    const insert = tagOf(html, 'template-insert');
    expect(insert).toContain('aria-disabled="true"');
    const noteId = /aria-describedby="([^"]+)"/.exec(insert)![1];
    expect(tagOf(html, 'excel-only-note')).toContain(`id="${noteId}"`);
    expect(html).toContain('Available when PerfPlan runs in Excel.');
  });

  it('renders in Chinese', () => {
    const html = render(false, 'zh-CN');
    expect(tagOf(html, 'template-download')).toContain('download?version=2&amp;locale=zh-CN"');
    expect(html).toContain('阶梯提成');
    expect(html).toContain('六个阶梯。');
    expect(html).toContain('插入到工作簿');
    expect(html).toContain('下载');
  });

  it('an unsafe downloadUrl never becomes an href', () => {
    const html = render(true, 'en-US', details({ downloadUrl: 'javascript:alert(1)' }));
    expect(html).not.toContain('javascript:');
    expect(tagOf(html, 'template-download')).toContain('href="https://localhost:3000/api/templates/tiered-commission/download?locale=en-US"');
  });
});

describe('benchmark card', () => {
  const t = translator('en-US');
  const value = normalizeBenchmark({ metric: 'individual_weight', segment: 'online', unit: 'ratio', value: 0.6, n: 1, source: 'PerfPlan domain defaults', updatedAt: '2025-01-01T00:00:00.000Z' })!;

  it('shows value, unit, n, source and date', () => {
    const html = renderToStaticMarkup(h(BenchmarkCard, { row: value, locale: 'en-US', inExcel: true, t }));
    // Issue 14: a display name rather than the ids, the ratio in %, the segment by name, and the
    // honest label for the seeded defaults (was: individual_weight · online, 0.6, ratio, PerfPlan domain defaults).
    for (const text of ['Weight of individual conversion', '60%', 'online channels', 'Suggested default from the plan documents', 'Jan 1, 2025', 'Insert as formula', 'Insert as value'])
      expect(html).toContain(text);
    expect(tagOf(html, 'benchmark-insert-formula')).not.toMatch(/disabled/);
    expect(tagOf(html, 'benchmark-insert-value')).not.toMatch(/disabled/);
    expect(html).not.toContain('data-testid="benchmark-percentile"'); // one published value: nothing to pick
  });

  it('standalone: both inserts are disabled and point at the note', () => {
    const html = renderToStaticMarkup(h(BenchmarkCard, { row: value, locale: 'en-US', inExcel: false, excelNoteId: 'note-1', t }));
    for (const id of ['benchmark-insert-formula', 'benchmark-insert-value']) {
      expect(tagOf(html, id)).toContain('aria-disabled="true"');
      expect(tagOf(html, id)).toMatch(/aria-describedby="[^"]* note-1"/);
    }
  });

  it('percentile rows list P25–P90 and offer a percentile picker', () => {
    const row = normalizeBenchmark({ metric: 'labour_cost_share', segment: 'retail', p25: 0.1, p50: 0.15, p75: 0.2, p90: 0.25, n: 40, source: 'Survey' })!;
    const html = renderToStaticMarkup(h(BenchmarkCard, { row, locale: 'en-US', inExcel: true, t }));
    for (const p of [25, 50, 75, 90]) expect(html).toContain(`data-testid="benchmark-p${p}"`);
    expect(html).toContain('data-testid="benchmark-percentile"');
  });

  it('peer rows with withheld values say so and offer no insert', () => {
    const row = normalizeBenchmark({ metric: 'm', segment: 'all', period: '2025', n: 3, source: 'PerfPlan peer contributions' })!;
    const html = renderToStaticMarkup(h(BenchmarkCard, { row, locale: 'zh-CN', inExcel: true, t: translator('zh-CN') }));
    expect(html).toContain('至少 5 家组织提供数据后才会公布数值。');
    expect(html).not.toContain('benchmark-insert');
  });
});

describe('views before their data arrives', () => {
  it('Templates and Benchmarks render their search controls, labelled, and a loading status', () => {
    const props = { locale: 'en-US' as const, host: { inExcel: false }, apiBase: '/api' };
    const templates = renderToStaticMarkup(h(TemplatesView, props));
    expect(templates).toContain('Search templates');
    expect(tagOf(templates, 'templates-search')).toMatch(/^<input/);
    expect(tagOf(templates, 'templates-category')).toMatch(/^<select/);
    expect(templates).toContain('Loading templates…');
    // Benchmarks are searched by name in the pane (issue 14): one search box and an area filter.
    const benchmarks = renderToStaticMarkup(h(BenchmarksView, props));
    expect(tagOf(benchmarks, 'benchmarks-search')).toMatch(/^<input/);
    expect(tagOf(benchmarks, 'benchmarks-area')).toMatch(/^<select/);
    expect(benchmarks).toContain('Search benchmarks');
    expect(benchmarks).toContain('Loading benchmarks…');
  });
});

// ---------------------------------------------------------------------------------------------

describe('shell', () => {
  const never = () => new Promise<never>(() => undefined);
  const stubTabs: TabDefinition[] = TABS.map((tab) => ({ ...tab, load: never }));
  const render = (props: Partial<React.ComponentProps<typeof App>> = {}) =>
    renderToStaticMarkup(h(App, { initialLocale: 'en-US', apiBase: '/api', detectHost: never, tabs: stubTabs, ...props }));

  it('has nine tabs in order, each with its view', () => {
    expect(TABS.map((t) => t.id)).toEqual(['templates', 'weights', 'plan', 'scenarios', 'explain', 'benchmarks', 'compare', 'statements', 'runs']);
    expect(TABS.every((t) => typeof t.load === 'function')).toBe(true);
  });

  it('loads every built view lazily, each through its own import() of ./views/<name>', () => {
    const app = readFileSync(join(PANE, 'app.tsx'), 'utf8');
    for (const name of ['templates', 'weights', 'plan', 'scenarios', 'explain', 'benchmarks', 'compare', 'statements', 'runs']) {
      expect(app).toMatch(new RegExp(`import\\(/\\* webpackChunkName: "view-${name}" \\*/ '\\./views/${name}'\\)`));
    }
    // …and nothing imports a view statically.
    const shell = ['app.tsx', 'taskpane.tsx'].map((f) => readFileSync(join(PANE, f), 'utf8')).join('\n');
    expect(shell).not.toMatch(/^import[^;]*from '\.\/views\//m);
  });

  it('renders the tabs as a labelled tablist with keyboard-reachable tabs, and the first panel loading', () => {
    const html = render();
    expect(html).toContain('role="tablist"');
    expect(tagOf(html, 'tabs')).toContain('aria-label="PerfPlan sections"');
    for (const tab of TABS) {
      const tag = tagOf(html, `tab-${tab.id}`);
      expect(tag).toContain('role="tab"');
      expect(tag).toContain(`aria-controls="pp-panel-${tab.id}"`);
      expect(tag).not.toMatch(/disabled/);
    }
    expect(tagOf(html, 'tab-templates')).toContain('aria-selected="true"');
    const panel = tagOf(html, 'panel-templates');
    expect(panel).toContain('role="tabpanel"');
    expect(panel).toContain('aria-labelledby="pp-tab-templates"');
    expect(html).toContain('data-testid="view-loading"');
    expect(html).not.toContain('data-testid="panel-benchmarks"'); // not loaded until opened
  });

  it('has an English / 中文 switch of labelled toggle buttons, and renders in Chinese', () => {
    const html = render({ initialLocale: 'zh-CN' });
    expect(html).toContain('role="group" aria-label="语言"');
    expect(tagOf(html, 'lang-en-US')).toContain('lang="en-US"');
    expect(tagOf(html, 'lang-en-US')).toContain('aria-pressed="false"');
    expect(tagOf(html, 'lang-zh-CN')).toContain('aria-pressed="true"');
    expect(html).toContain('>模板<');
    expect(html).toContain('>基准<');
  });

  it('shows no standalone note while the host is still being detected', () => {
    const html = render();
    expect(tagOf(html, 'app')).toContain('data-host="detecting"');
    expect(html).not.toContain('standalone-note');
  });
});

describe('taskpane.html', () => {
  const head = HTML.slice(HTML.indexOf('<head>'), HTML.indexOf('</head>'));
  const body = HTML.slice(HTML.indexOf('<body>'), HTML.indexOf('</body>'));

  it('declares its language and charset', () => {
    expect(HTML.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(HTML).toMatch(/<html lang="en-US">/);
    expect(head).toMatch(/<meta charset="utf-8"/i);
  });

  it('loads office.js from the Office CDN in the head, and no other script (webpack injects functions.js and taskpane.js)', () => {
    const scripts = [...HTML.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">']);
    expect(body).not.toMatch(/<script/);
  });

  it('has the #root React renders into, with a plain fallback, and links taskpane.css', () => {
    expect(body).toContain('<div id="root">');
    expect(body).toMatch(/<h1>PerfPlan<\/h1>/);
    expect(head).toMatch(/<link rel="stylesheet" href="taskpane\.css" \/>/);
  });
});
