/**
 * The task pane: locale choice, the en-US / zh-CN string tables, the page's markup, and
 * renderStrings against a minimal fake document built from taskpane.html (no jsdom here).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  I18nDocument,
  I18nElement,
  LOCALES,
  Locale,
  STRINGS,
  Strings,
  pickLocale,
  renderStrings,
} from '../../addin/taskpane/taskpane';

const ROOT = resolve(__dirname, '..', '..');
const PANE = join(ROOT, 'addin', 'taskpane');
const HTML = readFileSync(join(PANE, 'taskpane.html'), 'utf8');
const SOURCE = readFileSync(join(PANE, 'taskpane.ts'), 'utf8');
const JSON_FILES: Record<Locale, Record<string, unknown>> = {
  'en-US': JSON.parse(readFileSync(join(PANE, 'i18n', 'en-US.json'), 'utf8')),
  'zh-CN': JSON.parse(readFileSync(join(PANE, 'i18n', 'zh-CN.json'), 'utf8')),
};
const CJK = /[\u3400-\u9fff]/;

// ---------------------------------------------------------------------------------------------
// A minimal fake DOM from taskpane.html: every start tag with its attributes, plus the text of
// elements whose content is plain text.

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

class FakeElement implements I18nElement {
  textContent: string | null;
  readonly attributes = new Map<string, string>();

  constructor(
    readonly tag: string,
    attributes: [string, string][],
    text: string | null,
  ) {
    for (const [name, value] of attributes) this.attributes.set(name, value);
    this.textContent = text;
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  set innerHTML(_value: string) {
    throw new Error('renderStrings must write text with textContent, never innerHTML');
  }

  readonly listeners: { type: string; listener: () => void }[] = [];

  addEventListener(type: string, listener: () => void): void {
    this.listeners.push({ type, listener });
  }

  click(): void {
    for (const { type, listener } of this.listeners) if (type === 'click') listener();
  }
}

class FakeDocument implements I18nDocument {
  readonly documentElement: { lang: string };
  readonly elements: FakeElement[];

  constructor(html: string) {
    this.elements = [];
    const startTag = /<([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g;
    for (const match of html.matchAll(startTag)) {
      const [whole, tag, attributeText] = match;
      const attributes = [...attributeText.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map(
        ([, name, value]) => [name, decode(value ?? '')] as [string, string],
      );
      const rest = html.slice((match.index ?? 0) + whole.length);
      const text = new RegExp(`^([^<]*)</${tag}>`).exec(rest);
      this.elements.push(new FakeElement(tag, attributes, text ? decode(text[1]) : null));
    }
    const html_ = this.elements.find((e) => e.tag === 'html');
    if (!html_) throw new Error('taskpane.html has no <html> element');
    const element = html_;
    this.documentElement = {
      get lang() {
        return element.getAttribute('lang') ?? '';
      },
      set lang(value: string) {
        element.setAttribute('lang', value);
      },
    };
  }

  /** For the page's own start-up code: the DOM is ready, no listeners needed. */
  readonly readyState = 'complete';
  addEventListener(): void {}

  querySelectorAll(selectors: string): FakeElement[] {
    const selector = /^(\w+)?\[([\w-]+)\]$/.exec(selectors);
    if (!selector) throw new Error(`FakeDocument supports only tag[attribute] selectors, got ${selectors}`);
    const [, tag, attribute] = selector;
    return this.elements.filter((e) => e.attributes.has(attribute) && (!tag || e.tag === tag));
  }

  button(locale: Locale): FakeElement {
    const found = this.elements.find((e) => e.tag === 'button' && e.getAttribute('data-locale') === locale);
    if (!found) throw new Error(`no ${locale} button`);
    return found;
  }

  byKey(key: string): FakeElement[] {
    return this.elements.filter((e) => e.getAttribute('data-i18n') === key);
  }
}

/** The i18n keys the page uses, in order of appearance. */
function pageKeys(doc: FakeDocument): string[] {
  return doc.elements.flatMap((e) =>
    ['data-i18n', 'data-i18n-aria-label'].map((name) => e.getAttribute(name)).filter((k): k is string => k !== null),
  );
}

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
  it.each([['zh-TW'], ['zh-tw'], ['zh-HK'], ['zh-MO'], ['zh-Hant'], ['zh-Hant-TW'], ['zh-Hant-CN']])(
    'Traditional Chinese %s → en-US, matching the en-US function catalog Excel shows there',
    (language) => {
      expect(pickLocale(language)).toBe('en-US');
    },
  );

  it.each([['en-US'], ['en-GB'], ['en'], ['fr-FR'], ['ja-JP'], ['zu-ZA'], ['']])('%s → en-US', (language) => {
    expect(pickLocale(language)).toBe('en-US');
  });

  it('undefined (no Office, no browser language) → en-US', () => {
    expect(pickLocale(undefined)).toBe('en-US');
  });
});

describe('i18n string tables', () => {
  it('exports one table per locale, loaded from i18n/<locale>.json', () => {
    expect(LOCALES).toEqual(['en-US', 'zh-CN']);
    for (const locale of LOCALES) expect(STRINGS[locale]).toEqual(JSON_FILES[locale]);
  });

  it('en-US and zh-CN have identical keys, in the same order', () => {
    expect(Object.keys(JSON_FILES['zh-CN'])).toEqual(Object.keys(JSON_FILES['en-US']));
  });

  it('has no empty or non-string values', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(JSON_FILES[locale])) {
        expect({ locale, key, ok: typeof value === 'string' && value.trim().length > 0 }).toEqual({
          locale,
          key,
          ok: true,
        });
      }
    }
  });

  it('names its own locale in meta.lang', () => {
    for (const locale of LOCALES) expect(STRINGS[locale]['meta.lang']).toBe(locale);
  });

  it('translates every prose string into Chinese', () => {
    const untranslated = Object.keys(STRINGS['zh-CN']).filter(
      (key) => !key.startsWith('meta.') && key !== 'app.title' && !key.endsWith('.example'),
    );
    expect(untranslated.length).toBeGreaterThan(15);
    for (const key of untranslated) {
      expect({ key, zh: STRINGS['zh-CN'][key] }).toEqual({ key, zh: expect.stringMatching(CJK) });
      expect({ key, en: CJK.test(STRINGS['en-US'][key]) }).toEqual({ key, en: false });
    }
  });

  it('gives one example formula per family, the same in both languages', () => {
    const examples = Object.keys(STRINGS['en-US']).filter((key) => key.endsWith('.example'));
    expect(examples.map((key) => key.split('.')[1])).toEqual([
      'weights',
      'scoring',
      'payouts',
      'costbenefit',
      'simulation',
      'channels',
      'benchmarks',
    ]);
    for (const key of examples) {
      expect(STRINGS['en-US'][key]).toMatch(/^=PERF\.[A-Z]+\(/);
      expect(STRINGS['zh-CN'][key]).toBe(STRINGS['en-US'][key]);
    }
  });

  it('uses only functions from the PERF.* catalog in the examples', () => {
    // The catalog's source of truth: the JSDoc of addin/custom-functions (→ functions.json).
    const catalog = readFileSync(join(ROOT, 'addin', 'custom-functions', 'functions.ts'), 'utf8');
    const ids = new Set([...catalog.matchAll(/@customfunction\s+([A-Z][A-Z0-9_.]*)/g)].map((m) => m[1]));
    const used = Object.entries(STRINGS['en-US'])
      .filter(([key]) => key.endsWith('.example'))
      .flatMap(([, formula]) => [...formula.matchAll(/PERF\.([A-Z][A-Z0-9_]*)\(/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThanOrEqual(7);
    expect(used.filter((name) => !ids.has(name))).toEqual([]);
  });
});

describe('taskpane.html', () => {
  const doc = new FakeDocument(HTML);
  const head = HTML.slice(HTML.indexOf('<head>'), HTML.indexOf('</head>'));
  const body = HTML.slice(HTML.indexOf('<body>'), HTML.indexOf('</body>'));

  it('declares its language and charset', () => {
    expect(HTML.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.documentElement.lang).toBe('en-US');
    expect(head).toMatch(/<meta charset="utf-8"/i);
  });

  it('loads office.js from the Office CDN in the head, and no other script (webpack injects the bundles)', () => {
    const scripts = [...HTML.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">']);
    expect(head).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(body).not.toMatch(/<script/);
  });

  it('has a <main> with the PerfPlan heading', () => {
    const main = HTML.slice(HTML.indexOf('<main'), HTML.indexOf('</main>'));
    expect(main.length).toBeGreaterThan(0);
    expect(main).toMatch(/<h1\b[^>]*>PerfPlan<\/h1>/);
    expect(doc.elements.filter((e) => e.tag === 'h1')).toHaveLength(1);
  });

  it('lists the seven function families, each with a name, a description and an example', () => {
    const items = HTML.split('<li class="pp-family">').slice(1);
    expect(items).toHaveLength(7);
    for (const item of items) {
      expect(item).toMatch(/<h3 data-i18n="family\.\w+\.name">/);
      expect(item).toMatch(/<p data-i18n="family\.\w+\.desc">/);
      expect(item).toMatch(/<code translate="no" data-i18n="family\.\w+\.example">=PERF\./);
    }
  });

  it('has an English / 中文 switch made of real buttons', () => {
    const buttons = doc.elements.filter((e) => e.attributes.has('data-locale'));
    expect(buttons.map((b) => [b.tag, b.getAttribute('type'), b.getAttribute('data-locale'), b.getAttribute('lang')])).toEqual([
      ['button', 'button', 'en-US', 'en-US'],
      ['button', 'button', 'zh-CN', 'zh-CN'],
    ]);
    expect(buttons.map((b) => b.textContent)).toEqual(['English', '中文']);
  });

  it('uses only keys both string tables define, and every key is used', () => {
    const keys = new Set(pageKeys(doc));
    const tableKeys = Object.keys(STRINGS['en-US']).filter((key) => key !== 'meta.lang');
    expect([...keys].filter((key) => !(key in STRINGS['en-US']) || !(key in STRINGS['zh-CN']))).toEqual([]);
    expect(tableKeys.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('carries the en-US strings as its no-script fallback', () => {
    for (const element of doc.querySelectorAll('[data-i18n]')) {
      const key = element.getAttribute('data-i18n') as string;
      expect({ key, text: element.textContent }).toEqual({ key, text: STRINGS['en-US'][key] });
    }
    for (const element of doc.querySelectorAll('[data-i18n-aria-label]')) {
      const key = element.getAttribute('data-i18n-aria-label') as string;
      expect(element.getAttribute('aria-label')).toBe(STRINGS['en-US'][key]);
    }
  });

  it('links taskpane.css and the 32 px icon by paths relative to the page', () => {
    expect(head).toMatch(/<link rel="stylesheet" href="taskpane\.css" \/>/);
    expect(body).toContain('src="assets/icon-32.png"');
  });
});

describe('renderStrings', () => {
  it('writes the zh-CN strings into every [data-i18n] element and sets <html lang>', () => {
    const doc = new FakeDocument(HTML);
    expect(renderStrings(doc, STRINGS['zh-CN'])).toEqual([]);
    expect(doc.documentElement.lang).toBe('zh-CN');
    for (const element of doc.querySelectorAll('[data-i18n]')) {
      expect(element.textContent).toBe(STRINGS['zh-CN'][element.getAttribute('data-i18n') as string]);
    }
    expect(doc.byKey('families.heading')[0].textContent).toBe('函数类别');
  });

  it('translates aria-labels and marks the active language button as pressed', () => {
    const doc = new FakeDocument(HTML);
    renderStrings(doc, STRINGS['zh-CN']);
    const group = doc.querySelectorAll('[data-i18n-aria-label]')[0];
    expect(group.getAttribute('aria-label')).toBe('语言');
    const pressed = (d: FakeDocument) =>
      d.querySelectorAll('[data-locale]').map((b) => [b.getAttribute('data-locale'), b.getAttribute('aria-pressed')]);
    expect(pressed(doc)).toEqual([
      ['en-US', 'false'],
      ['zh-CN', 'true'],
    ]);
    renderStrings(doc, STRINGS['en-US']);
    expect(pressed(doc)).toEqual([
      ['en-US', 'true'],
      ['zh-CN', 'false'],
    ]);
  });

  it('switching back to en-US restores the page exactly', () => {
    const original = new FakeDocument(HTML);
    const doc = new FakeDocument(HTML);
    renderStrings(doc, STRINGS['zh-CN']);
    renderStrings(doc, STRINGS['en-US']);
    const snapshot = (d: FakeDocument) => d.elements.map((e) => [e.tag, [...e.attributes], e.textContent]);
    expect(snapshot(doc)).toEqual(snapshot(original));
  });

  it('reports missing keys and leaves those elements as they were', () => {
    const doc = new FakeDocument(HTML);
    const partial: Strings = { 'meta.lang': 'zh-CN', 'app.title': 'PerfPlan' };
    const missing = renderStrings(doc, partial);
    expect(missing).toContain('families.heading');
    expect(missing).toContain('lang.group');
    expect(missing).not.toContain('app.title');
    expect(new Set(missing).size).toBe(missing.length);
    expect(doc.byKey('families.heading')[0].textContent).toBe('Function families');
  });

  it('treats markup in a string as text', () => {
    const doc = new FakeDocument(HTML);
    renderStrings(doc, { ...STRINGS['en-US'], 'app.title': '<img src=x onerror=alert(1)>' });
    expect(doc.byKey('app.title')[0].textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('does not read keys from the prototype chain', () => {
    const doc = new FakeDocument(HTML);
    const strings = Object.create({ 'app.title': 'inherited' }) as Record<string, string>;
    expect(renderStrings(doc, strings)).toContain('app.title');
    expect(doc.byKey('app.title')[0].textContent).toBe('PerfPlan');
  });
});

describe('start-up in the page (fake document, navigator and Office globals)', () => {
  const globals = ['document', 'navigator', 'Office'] as const;
  let saved: Record<string, PropertyDescriptor | undefined>;

  beforeEach(() => {
    saved = Object.fromEntries(globals.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]));
  });
  afterEach(() => {
    for (const name of globals) {
      const descriptor = saved[name];
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  });

  /** Loads taskpane.ts afresh with the given globals; returns the fake document it rendered. */
  function loadPage(language: string | undefined, office?: { host: string | null; displayLanguage?: string }) {
    const doc = new FakeDocument(HTML);
    let ready: () => void = () => undefined;
    const onReady = new Promise<void>((resolve) => (ready = resolve));
    const define = (name: string, value: unknown) =>
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    define('document', doc);
    define('navigator', { language });
    if (office) {
      define('Office', {
        onReady: () => onReady.then(() => ({ host: office.host, platform: office.host ? 'PC' : null })),
        context: { displayLanguage: office.displayLanguage },
      });
    } else {
      delete (globalThis as Record<string, unknown>).Office;
    }
    jest.isolateModules(() => {
      require('../../addin/taskpane/taskpane');
    });
    const officeReady = async () => {
      ready();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    return { doc, officeReady };
  }

  it('renders in the browser language when Office is absent', () => {
    const { doc } = loadPage('zh-CN');
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.byKey('families.heading')[0].textContent).toBe('函数类别');
  });

  it("switches to Office's display language once Office is ready", async () => {
    const { doc, officeReady } = loadPage('en-US', { host: 'Excel', displayLanguage: 'zh-CN' });
    expect(doc.documentElement.lang).toBe('en-US');
    await officeReady();
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.button('zh-CN').getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the browser language in a plain browser tab (Office.onReady with no host)', async () => {
    const { doc, officeReady } = loadPage('en-GB', { host: null, displayLanguage: 'zh-CN' });
    await officeReady();
    expect(doc.documentElement.lang).toBe('en-US');
  });

  it('switches language with the buttons, and a choice made before Office is ready stands', async () => {
    const { doc, officeReady } = loadPage('en-US', { host: 'Excel', displayLanguage: 'zh-CN' });
    doc.button('zh-CN').click();
    expect(doc.documentElement.lang).toBe('zh-CN');
    doc.button('en-US').click();
    expect(doc.documentElement.lang).toBe('en-US');
    expect(doc.byKey('app.tagline')[0].textContent).toBe(STRINGS['en-US']['app.tagline']);
    await officeReady();
    expect(doc.documentElement.lang).toBe('en-US');
  });
});

describe('taskpane.ts', () => {
  it('never writes HTML: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    expect(SOURCE).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/);
  });

  it('follows Office.onReady and Office.context.displayLanguage, with navigator.language as fallback', () => {
    expect(SOURCE).toMatch(/Office\.onReady\(/);
    expect(SOURCE).toMatch(/Office\.context\??\.displayLanguage/);
    expect(SOURCE).toMatch(/navigator\.language/);
  });

  it('imports nothing but its string tables (plain DOM, no heavy dependencies)', () => {
    const imports = [...SOURCE.matchAll(/^import\b[^;]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(imports).toEqual(['./i18n/en-US.json', './i18n/zh-CN.json']);
  });
});
