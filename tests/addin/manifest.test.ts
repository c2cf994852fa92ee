/**
 * manifest.xml, checked the way Office would load it (the online validator is unreachable
 * here and the published XSDs reject <Runtimes>, see platform-facts.md): structure and
 * element order as in Microsoft's shared-runtime custom-functions template, resids, URLs that
 * resolve to files the build emits, icons with the right pixel sizes, zh-CN overrides, and the
 * production rewrite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  DEV_BASE_URL,
  OFFICE_CLIENT_IDS,
  officeSso,
  productionManifest,
  rewriteManifest,
  withWebApplicationInfo,
} from '../../addin/manifest/production';
import { writeProductionManifest } from '../../addin/manifest/write-production';
import { ICON_SIZES, renderIcon } from '../../scripts/make-icons';

const ROOT = resolve(__dirname, '..', '..');
const MANIFEST_XML = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const DEV_ORIGIN = new URL(DEV_BASE_URL).origin;
const ZH = 'zh-cn';
/** The TaskpaneId Office opens automatically with a document that asks for it. */
const AUTO_SHOW = 'Office.AutoShowTaskpaneWithDocument';

/** What webpack emits into build/ (served at DEV_BASE_URL), as decided for the add-in. */
const BUILD_OUTPUTS = new Set([
  'taskpane.html',
  'functions.js',
  'functions.json',
  'functions-zh-cn.json',
  'manifest.xml',
  ...ICON_SIZES.map((size) => `assets/icon-${size}.png`),
]);

// ---------------------------------------------------------------------------------------------
// A small ordered XML tree on top of fast-xml-parser's preserveOrder output.

interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
  parent?: XNode;
}

function toNodes(items: unknown[], parent?: XNode): XNode[] {
  const nodes: XNode[] = [];
  for (const item of items as Record<string, unknown>[]) {
    const name = Object.keys(item).find((key) => key !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const node: XNode = {
      name,
      attrs: (item[':@'] as Record<string, string> | undefined) ?? {},
      children: [],
      text: '',
      parent,
    };
    const content = item[name] as Record<string, unknown>[];
    node.text = content
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join('');
    node.children = toNodes(content, node);
    nodes.push(node);
  }
  return nodes;
}

function parseManifest(xml: string): XNode {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const roots = toNodes(parser.parse(xml) as unknown[]);
  expect(roots).toHaveLength(1);
  return roots[0];
}

function all(node: XNode, predicate: (n: XNode) => boolean, out: XNode[] = []): XNode[] {
  if (predicate(node)) out.push(node);
  for (const child of node.children) all(child, predicate, out);
  return out;
}

function named(node: XNode, name: string): XNode[] {
  return all(node, (n) => n.name === name);
}

function child(node: XNode, name: string): XNode {
  const found = node.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${node.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

function path(node: XNode, ...names: string[]): XNode {
  return names.reduce(child, node);
}

function childNames(node: XNode): string[] {
  return node.children.map((c) => c.name);
}

function ancestors(node: XNode): string[] {
  const names: string[] = [];
  for (let n = node.parent; n; n = n.parent) names.push(n.name);
  return names;
}

const root = parseManifest(MANIFEST_XML);
const versionOverrides = child(root, 'VersionOverrides');
const host = path(versionOverrides, 'Hosts', 'Host');
const resources = child(versionOverrides, 'Resources');
const customFunctions = path(host, 'AllFormFactors', 'ExtensionPoint');
const desktop = child(host, 'DesktopFormFactor');

type ResourceKind = 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings';
const RESOURCE_KINDS: ResourceKind[] = ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'];

/** Every resource, by id: its kind, default value and zh-cn override value. */
const resourceById = new Map<string, { kind: ResourceKind; node: XNode; value: string; zh?: string }>();
for (const kind of RESOURCE_KINDS) {
  for (const node of child(resources, kind).children) {
    const zh = node.children.find((o) => o.name === 'bt:Override' && o.attrs.Locale?.toLowerCase() === ZH);
    resourceById.set(node.attrs.id, { kind, node, value: node.attrs.DefaultValue, zh: zh?.attrs.Value });
  }
}

function resource(resid: string) {
  const found = resourceById.get(resid);
  if (!found) throw new Error(`resid ${resid} is not defined in <Resources>`);
  return found;
}

/** The file under build/ (or the repository) a dev URL resolves to. */
function buildPath(url: string): string {
  expect(url.startsWith(DEV_BASE_URL)).toBe(true);
  return url.slice(DEV_BASE_URL.length);
}

// ---------------------------------------------------------------------------------------------
// PNG reading, independent of scripts/make-icons.ts.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunks: string[];
  /** Unfiltered scanlines (filter byte + RGBA row), only for the files this repo writes. */
  raw: Buffer;
}

function readPng(file: string): Png {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let ihdr: Buffer | undefined;
  let at = 8;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = bytes.readUInt32BE(at + 8 + length);
    expect({ chunk: type, crc: crc32(bytes.subarray(at + 4, at + 8 + length)) }).toEqual({ chunk: type, crc });
    chunks.push(type);
    if (type === 'IHDR') ihdr = Buffer.from(data);
    if (type === 'IDAT') idat.push(Buffer.from(data));
    at += 12 + length;
  }
  expect(at).toBe(bytes.length);
  expect(chunks[0]).toBe('IHDR');
  expect(chunks[chunks.length - 1]).toBe('IEND');
  if (!ihdr) throw new Error(`${file}: no IHDR`);
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8],
    colorType: ihdr[9],
    chunks,
    raw: inflateSync(Buffer.concat(idat)),
  };
}

// ---------------------------------------------------------------------------------------------

describe('manifest.xml structure', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(MANIFEST_XML)).toBe(true);
  });

  it('is a TaskPaneApp with the Office Add-ins 1.1 namespaces', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs).toMatchObject({
      xmlns: 'http://schemas.microsoft.com/office/appforoffice/1.1',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xmlns:bt': 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
      'xsi:type': 'TaskPaneApp',
    });
  });

  it('keeps the top-level elements in schema order', () => {
    expect(childNames(root)).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]);
  });

  it('has a fixed GUID id, a four-part version, a provider and en-US as default locale', () => {
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(root, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, 'ProviderName').text).toBe('PerfPlan');
    expect(child(root, 'DefaultLocale').text).toBe('en-US');
  });

  it('targets Excel (Workbook) with the shared runtime 1.1 and custom functions runtime 1.3', () => {
    expect(path(root, 'Hosts', 'Host').attrs.Name).toBe('Workbook');
    // CustomFunctions.Error with the #DIV/0! and #NUM! codes needs CustomFunctionsRuntime 1.3
    // (platform-facts.md); the engine returns both, so an older runtime must not load us.
    const sets = path(root, 'Requirements', 'Sets').children.map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([
      ['SharedRuntime', '1.1'],
      ['CustomFunctionsRuntime', '1.3'],
    ]);
  });

  it('opens taskpane.html by default and asks for ReadWriteDocument', () => {
    expect(path(root, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(`${DEV_BASE_URL}taskpane.html`);
    expect(child(root, 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('lists the add-in origin in AppDomains', () => {
    expect(child(root, 'AppDomains').children.map((d) => d.text)).toEqual([DEV_ORIGIN]);
  });

  it('uses VersionOverrides 1.0 for the Workbook host (the only task pane schema with <Runtimes>)', () => {
    expect(versionOverrides.attrs).toMatchObject({
      xmlns: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
      'xsi:type': 'VersionOverridesV1_0',
    });
    expect(childNames(versionOverrides)).toEqual(['Hosts', 'Resources']);
    expect(host.attrs['xsi:type']).toBe('Workbook');
    // "The <Runtimes> section must be entered after the <Host> element in the exact order shown."
    expect(childNames(host)).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
  });

  it('declares the custom functions extension point: Script, Page, Metadata, Namespace', () => {
    expect(customFunctions.attrs['xsi:type']).toBe('CustomFunctions');
    expect(childNames(customFunctions)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    expect(buildPath(resource(path(customFunctions, 'Script', 'SourceLocation').attrs.resid).value)).toBe('functions.js');
    expect(buildPath(resource(path(customFunctions, 'Metadata', 'SourceLocation').attrs.resid).value)).toBe(
      'functions.json',
    );
  });

  it('localizes the function metadata: zh-cn loads functions-zh-cn.json', () => {
    const metadata = resource(path(customFunctions, 'Metadata', 'SourceLocation').attrs.resid);
    expect(metadata.zh).toBeDefined();
    expect(buildPath(metadata.zh as string)).toBe('functions-zh-cn.json');
  });

  it('puts the functions in the PERF namespace in every locale', () => {
    const namespace = resource(child(customFunctions, 'Namespace').attrs.resid);
    expect(namespace.kind).toBe('bt:ShortStrings');
    expect(namespace.value).toBe('PERF');
    expect(namespace.zh).toBe('PERF');
  });

  it('keeps the desktop elements in order: GetStarted, FunctionFile, ExtensionPoint', () => {
    expect(childNames(desktop)).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    expect(childNames(child(desktop, 'GetStarted'))).toEqual(['Title', 'Description', 'LearnMoreUrl']);
  });

  it('keeps the resources in order: Images, Urls, ShortStrings, LongStrings', () => {
    expect(childNames(resources)).toEqual(RESOURCE_KINDS);
  });
});

describe('shared runtime', () => {
  const runtimes = child(host, 'Runtimes').children;
  const runtimeResid = runtimes[0]?.attrs.resid;

  it('declares exactly one long-lived runtime', () => {
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].name).toBe('Runtime');
    expect(runtimes[0].attrs.lifetime).toBe('long');
  });

  it('uses the SAME resid in <Runtimes>, the custom functions <Page> and <FunctionFile>', () => {
    expect(path(customFunctions, 'Page', 'SourceLocation').attrs.resid).toBe(runtimeResid);
    expect(child(desktop, 'FunctionFile').attrs.resid).toBe(runtimeResid);
  });

  it('shows the task pane from the same page', () => {
    const actions = named(desktop, 'Action');
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
      expect(child(action, 'TaskpaneId').text).toBe(AUTO_SHOW);
      expect(child(action, 'SourceLocation').attrs.resid).toBe(runtimeResid);
    }
  });

  it('resolves the runtime to taskpane.html in every locale', () => {
    const page = resource(runtimeResid);
    expect(page.kind).toBe('bt:Urls');
    expect(buildPath(page.value)).toBe('taskpane.html');
    expect(page.zh).toBe(page.value);
  });
});

describe('opens with a workbook that asks for the pane', () => {
  // Microsoft, "Automatically open a task pane with a document": the add-in's manifest needs a
  // ShowTaskpane action whose TaskpaneId is Office.AutoShowTaskpaneWithDocument; the workbook's
  // web extension part sets the property Office.AutoShowTaskpaneWithDocument = true. MS-OWEMXML
  // (ShowTaskpane): that action "SHOULD be displayed by the host when a file is opened that
  // contains a web extension part that references this add-in"; the first such action in the
  // form factor is the one used.
  const actions = named(desktop, 'Action').filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane');

  it('the first ShowTaskpane action of the desktop form factor has TaskpaneId Office.AutoShowTaskpaneWithDocument', () => {
    expect(actions.length).toBeGreaterThan(0);
    expect(child(actions[0], 'TaskpaneId').text).toBe(AUTO_SHOW);
  });

  it('that action opens taskpane.html, the shared runtime page', () => {
    const source = resource(child(actions[0], 'SourceLocation').attrs.resid);
    expect(child(actions[0], 'SourceLocation').attrs.resid).toBe(child(host, 'Runtimes').children[0].attrs.resid);
    expect(buildPath(source.value)).toBe('taskpane.html');
  });

  it('is the ribbon button\'s own action (the pane opens the same way from the button and on open)', () => {
    const button = named(desktop, 'Control').find((c) => c.attrs.id === 'PerfPlan.ShowTaskpane');
    expect(button).toBeDefined();
    expect(child(button as XNode, 'Action')).toBe(actions[0]);
  });

  it('survives the production rewrite unchanged, pointing at the production page', () => {
    const prod = parseManifest(productionManifest(MANIFEST_XML, 'https://perfplan.example.com/addin/'));
    const prodDesktop = path(prod, 'VersionOverrides', 'Hosts', 'Host', 'DesktopFormFactor');
    const prodAction = named(prodDesktop, 'Action').filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane')[0];
    expect(child(prodAction, 'TaskpaneId').text).toBe(AUTO_SHOW);
    const resid = child(prodAction, 'SourceLocation').attrs.resid;
    const url = child(path(prod, 'VersionOverrides', 'Resources'), 'bt:Urls').children.find((u) => u.attrs.id === resid);
    expect(url?.attrs.DefaultValue).toBe('https://perfplan.example.com/addin/taskpane.html');
  });
});

describe('ribbon button', () => {
  const commandSurface = desktop.children.find((c) => c.attrs['xsi:type'] === 'PrimaryCommandSurface');

  it('adds a group with a button to the Home tab', () => {
    expect(commandSurface).toBeDefined();
    const tab = child(commandSurface as XNode, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const group = child(tab, 'Group');
    expect(childNames(group)).toEqual(['Label', 'Icon', 'Control']);
    const control = child(group, 'Control');
    expect(control.attrs['xsi:type']).toBe('Button');
    expect(childNames(control)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
  });

  it('gives every Icon 16, 32 and 80 px images', () => {
    const icons = named(desktop, 'Icon');
    expect(icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of icons) {
      expect(icon.children.map((image) => image.attrs.size)).toEqual(['16', '32', '80']);
    }
  });
});

describe('resources', () => {
  const referenced = all(root, (n) => 'resid' in n.attrs);

  it('defines every resid referenced anywhere', () => {
    const undefinedResids = referenced.map((n) => n.attrs.resid).filter((resid) => !resourceById.has(resid));
    expect(undefinedResids).toEqual([]);
  });

  it('uses every defined resource (no leftovers from the template)', () => {
    const used = new Set(referenced.map((n) => n.attrs.resid));
    expect([...resourceById.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it('has unique resource ids of at most 32 characters', () => {
    const ids = RESOURCE_KINDS.flatMap((kind) => child(resources, kind).children.map((n) => n.attrs.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('references each resid from an element of the matching kind', () => {
    const expectedKind = (n: XNode): ResourceKind => {
      if (n.name === 'bt:Image') return 'bt:Images';
      if (['SourceLocation', 'FunctionFile', 'Runtime', 'LearnMoreUrl'].includes(n.name)) return 'bt:Urls';
      if (n.name === 'Description') return 'bt:LongStrings';
      if (['Label', 'Title', 'Namespace'].includes(n.name)) return 'bt:ShortStrings';
      throw new Error(`unexpected resid on <${n.name}> (in ${ancestors(n).join(' < ')})`);
    };
    for (const n of referenced) {
      expect({ element: n.name, resid: n.attrs.resid, kind: resource(n.attrs.resid).kind }).toEqual({
        element: n.name,
        resid: n.attrs.resid,
        kind: expectedKind(n),
      });
    }
  });

  it('gives every ShortString/LongString/Url/Image an en-US default and a zh-cn override', () => {
    for (const [id, { node, value, zh }] of resourceById) {
      expect({ id, value: value?.length > 0 }).toEqual({ id, value: true });
      expect({ id, zh: typeof zh === 'string' && zh.length > 0 }).toEqual({ id, zh: true });
      const overrides = node.children.filter((o) => o.name === 'bt:Override');
      expect({ id, overrides: overrides.map((o) => o.attrs.Locale.toLowerCase()) }).toEqual({ id, overrides: [ZH] });
    }
  });

  it('translates the strings into Chinese (all but the PERF namespace)', () => {
    for (const [id, { kind, zh }] of resourceById) {
      if (kind !== 'bt:ShortStrings' && kind !== 'bt:LongStrings') continue;
      if (id === 'Functions.Namespace') continue;
      expect({ id, zh }).toEqual({ id, zh: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
  });

  it('keeps short strings within 125 and long strings within 250 characters', () => {
    for (const [id, { kind, value, zh }] of resourceById) {
      const limit = kind === 'bt:ShortStrings' ? 125 : kind === 'bt:LongStrings' ? 250 : Infinity;
      for (const text of [value, zh ?? '']) expect({ id, tooLong: text.length > limit }).toEqual({ id, tooLong: false });
    }
  });

  it('localizes DisplayName and Description for zh-cn', () => {
    for (const name of ['DisplayName', 'Description']) {
      const element = child(root, name);
      expect(element.attrs.DefaultValue.length).toBeGreaterThan(0);
      const overrides = element.children.filter((o) => o.name === 'Override');
      expect(overrides.map((o) => o.attrs.Locale.toLowerCase())).toEqual([ZH]);
      expect(overrides[0].attrs.Value).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(child(root, 'DisplayName').attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(root, 'Description').attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });
});

describe('URLs', () => {
  /** Every URL-valued attribute or text in the manifest, with where it is. */
  const urls = all(root, () => true).flatMap((n) => {
    const found: { where: string; url: string }[] = [];
    for (const [name, value] of Object.entries(n.attrs)) {
      if (!name.startsWith('xmlns') && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) found.push({ where: `${n.name}@${name}`, url: value });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(n.text.trim())) found.push({ where: n.name, url: n.text.trim() });
    return found;
  });

  it('finds the URLs (sanity check for the walk below)', () => {
    expect(urls.length).toBeGreaterThan(15);
  });

  it('uses https for every URL, including those in comments', () => {
    const namespaces = new Set(Object.entries(root.attrs).filter(([k]) => k.startsWith('xmlns')).map(([, v]) => v));
    namespaces.add(versionOverrides.attrs.xmlns);
    const inText = (MANIFEST_XML.match(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi) ?? []).filter((u) => !namespaces.has(u));
    expect(inText.filter((u) => !u.startsWith('https://'))).toEqual([]);
    expect(urls.filter(({ url }) => !url.startsWith('https://'))).toEqual([]);
  });

  it('points every URL at a file the build emits (icons at files in assets/)', () => {
    for (const { where, url } of urls) {
      if (where === 'AppDomain') {
        expect(url).toBe(DEV_ORIGIN);
        continue;
      }
      const file = buildPath(url);
      expect({ where, file, emitted: BUILD_OUTPUTS.has(file) }).toEqual({ where, file, emitted: true });
      if (file.startsWith('assets/')) expect({ file, exists: existsSync(join(ROOT, file)) }).toEqual({ file, exists: true });
    }
  });

  it('uses no query strings or fragments (the build serves plain files)', () => {
    for (const { url } of urls) expect(url).not.toMatch(/[?#]/);
  });
});

describe('icons', () => {
  function iconFile(url: string): string {
    return join(ROOT, buildPath(url));
  }

  it.each([...ICON_SIZES])('assets/icon-%i.png is a valid RGBA PNG of that size', (size) => {
    const png = readPng(join(ROOT, 'assets', `icon-${size}.png`));
    expect(png).toMatchObject({ width: size, height: size, bitDepth: 8, colorType: 6 });
    expect(png.raw.length).toBe((size * 4 + 1) * size);
  });

  it.each([...ICON_SIZES])('assets/icon-%i.png is what scripts/make-icons.ts draws', (size) => {
    const { raw } = readPng(join(ROOT, 'assets', `icon-${size}.png`));
    const pixels = renderIcon(size);
    const stride = size * 4;
    for (let y = 0; y < size; y++) {
      expect(raw[y * (stride + 1)]).toBe(0);
      const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      expect(Buffer.compare(row, Buffer.from(pixels.subarray(y * stride, (y + 1) * stride)))).toBe(0);
    }
  });

  it('draws a recognisable glyph: mostly transparent, with solid PerfPlan green (#107C41)', () => {
    const pixels = renderIcon(32);
    let opaqueGreen = 0;
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) transparent++;
      if (pixels[i] === 0x10 && pixels[i + 1] === 0x7c && pixels[i + 2] === 0x41 && pixels[i + 3] === 255) opaqueGreen++;
    }
    expect(opaqueGreen / (32 * 32)).toBeGreaterThan(0.25);
    expect(transparent / (32 * 32)).toBeGreaterThan(0.3);
  });

  it('sizes every ribbon image as its size attribute says', () => {
    for (const image of named(desktop, 'bt:Image')) {
      const size = Number(image.attrs.size);
      const res = resource(image.attrs.resid);
      for (const url of [res.value, res.zh as string]) {
        expect(readPng(iconFile(url))).toMatchObject({ width: size, height: size });
      }
    }
  });

  it('uses 32 px for IconUrl and 64 px for HighResolutionIconUrl (task pane add-ins)', () => {
    expect(readPng(iconFile(child(root, 'IconUrl').attrs.DefaultValue))).toMatchObject({ width: 32, height: 32 });
    expect(readPng(iconFile(child(root, 'HighResolutionIconUrl').attrs.DefaultValue))).toMatchObject({
      width: 64,
      height: 64,
    });
  });
});

describe('production manifest', () => {
  const PROD = 'https://perfplan.example.com/addin/';
  const count = (text: string, needle: string): number => text.split(needle).length - 1;

  it('replaces EVERY dev URL, not just the first (the generator template bug)', () => {
    const devUrls = count(MANIFEST_XML, DEV_BASE_URL);
    expect(devUrls).toBeGreaterThan(15);
    // The template's `.replace(urlDev, urlProd)` leaves the others on localhost:
    expect(MANIFEST_XML.replace(DEV_BASE_URL, PROD)).toContain('localhost');

    const { xml, urls, origins } = rewriteManifest(MANIFEST_XML, PROD);
    expect(urls).toBe(devUrls);
    expect(count(xml, PROD)).toBe(devUrls);
    expect(count(xml, DEV_BASE_URL)).toBe(0);
    expect(origins).toBe(1);
    expect(xml).not.toMatch(/localhost/i);
  });

  it('moves AppDomain to the production origin and keeps the manifest intact', () => {
    const prod = parseManifest(productionManifest(MANIFEST_XML, PROD));
    expect(child(prod, 'AppDomains').children.map((d) => d.text)).toEqual(['https://perfplan.example.com']);
    expect(path(prod, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(`${PROD}taskpane.html`);
    const prodResources = path(prod, 'VersionOverrides', 'Resources');
    const metadata = child(prodResources, 'bt:Urls').children.find((u) => u.attrs.id === 'Functions.Metadata.Url');
    expect(metadata?.attrs.DefaultValue).toBe(`${PROD}functions.json`);
    expect(metadata?.children[0].attrs.Value).toBe(`${PROD}functions-zh-cn.json`);
    // Only URLs change: the same elements, in the same order.
    const shape = (n: XNode): unknown => [n.name, n.children.map(shape)];
    expect(shape(prod)).toEqual(shape(root));
  });

  it('accepts another dev base URL', () => {
    const xml = '<a href="https://localhost:8443/x/a.js"/><b href="https://localhost:8443/x/b.js"/>';
    expect(productionManifest(xml, 'https://cdn.example.org/', 'https://localhost:8443/x/')).toBe(
      '<a href="https://cdn.example.org/a.js"/><b href="https://cdn.example.org/b.js"/>',
    );
  });

  it.each([
    ['http is refused', 'http://perfplan.example.com/'],
    ['the trailing slash is required', 'https://perfplan.example.com/addin'],
    ['a relative URL is refused', '/addin/'],
    ['a query is refused', 'https://perfplan.example.com/?v=1/'],
    ['a local host is refused', 'https://localhost:4000/'],
    ['127.0.0.1 is refused', 'https://127.0.0.1/'],
  ])('validates the production URL: %s', (_rule, url) => {
    expect(() => productionManifest(MANIFEST_XML, url)).toThrow(/production base URL/);
  });

  it('throws when a localhost URL outside the dev base remains', () => {
    const xml = `${MANIFEST_XML}<!-- http://localhost:8080/debug.js -->`;
    expect(() => productionManifest(xml, PROD)).toThrow(/still names a local host/);
  });

  it('write-production writes build/manifest.prod.xml from PERFPLAN_ADDIN_URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfplan-manifest-'));
    try {
      const out = join(dir, 'build', 'manifest.prod.xml');
      const result = writeProductionManifest(PROD, join(ROOT, 'manifest.xml'), out);
      expect(result.output).toBe(out);
      const written = readFileSync(out, 'utf8');
      expect(written).not.toMatch(/localhost/i);
      expect(written).toBe(productionManifest(MANIFEST_XML, PROD));
      expect(() => writeProductionManifest(undefined, join(ROOT, 'manifest.xml'), out)).toThrow(/PERFPLAN_ADDIN_URL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('production manifest with Office single sign-on (PERFPLAN_ADDIN_CLIENT_ID)', () => {
  // Microsoft Learn, "WebApplicationInfo element":
  // https://learn.microsoft.com/en-us/javascript/api/manifest/webapplicationinfo — a child of
  // the task pane VersionOverrides 1.0, the last one (after Resources); Id, Resource, Scopes.
  const PROD = 'https://perfplan.contoso.com/addin/';
  const CLIENT_ID = 'c6c1f32b-5e55-4997-881a-753cc1d563b7';
  const plain = productionManifest(MANIFEST_XML, PROD);
  const withSso = withWebApplicationInfo(plain, officeSso(PROD, CLIENT_ID));
  const prod = parseManifest(withSso);
  const overrides = child(prod, 'VersionOverrides');

  it('is well-formed and names no local host', () => {
    expect(XMLValidator.validate(withSso)).toBe(true);
    expect(withSso).not.toMatch(/localhost/i);
  });

  it('puts WebApplicationInfo in the task pane VersionOverrides 1.0, as its last child right after Resources', () => {
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(overrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(childNames(overrides)).toEqual(['Hosts', 'Resources', 'WebApplicationInfo']);
    expect(named(prod, 'WebApplicationInfo')).toHaveLength(1);
  });

  it('names the app, its Application ID URI on the add-in\'s own host, and the openid and profile scopes', () => {
    const info = child(overrides, 'WebApplicationInfo');
    expect(childNames(info)).toEqual(['Id', 'Resource', 'Scopes']);
    expect(child(info, 'Id').text).toBe(CLIENT_ID);
    const resourceUri = child(info, 'Resource').text;
    expect(resourceUri).toBe(`api://perfplan.contoso.com/${CLIENT_ID}`);
    // The Resource's domain must be the add-in's: the SourceLocation's and the AppDomain's.
    const sourceHost = new URL(path(prod, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).host;
    expect(new URL(resourceUri.replace(/^api:/, 'https:')).host).toBe(sourceHost);
    expect(child(prod, 'AppDomains').children.map((d) => new URL(d.text).host)).toEqual([sourceHost]);
    const scopes = child(info, 'Scopes');
    expect(scopes.children.map((s) => [s.name, s.text])).toEqual([
      ['Scope', 'openid'],
      ['Scope', 'profile'],
    ]);
  });

  it('changes nothing else: the same elements as the manifest without SSO, the same resources and URLs', () => {
    const shape = (n: XNode): unknown => [n.name, n.attrs, n.text.trim(), n.children.map(shape)];
    const without = parseManifest(plain);
    const withoutInfo = { ...prod, children: prod.children.map((c) => (c.name === 'VersionOverrides' ? { ...c, children: c.children.filter((g) => g.name !== 'WebApplicationInfo') } : c)) };
    expect(shape(withoutInfo)).toEqual(shape(without));
    // ...and the dev manifest's checks still hold in it: every resid defined, same shape as the dev manifest.
    const resids = all(prod, (n) => 'resid' in n.attrs).map((n) => n.attrs.resid);
    const defined = new Set(RESOURCE_KINDS.flatMap((kind) => child(child(overrides, 'Resources'), kind).children.map((n) => n.attrs.id)));
    expect(resids.filter((id) => !defined.has(id))).toEqual([]);
    const bare = (n: XNode): unknown => [n.name, n.children.filter((c) => c.name !== 'WebApplicationInfo').map(bare)];
    expect(bare(prod)).toEqual(bare(root));
  });

  it('keeps a non-default port in the Resource and lower-cases the client id', () => {
    expect(officeSso('https://addins.contoso.com:8443/', CLIENT_ID.toUpperCase())).toEqual({
      id: CLIENT_ID,
      resource: `api://addins.contoso.com:8443/${CLIENT_ID}`,
      scopes: ['openid', 'profile'],
    });
  });

  it.each([
    ['not a GUID', 'perfplan'],
    ['an Application ID URI instead of the id', `api://perfplan.contoso.com/${CLIENT_ID}`],
    ['braces', `{${CLIENT_ID}}`],
    ['one digit short', CLIENT_ID.slice(0, -1)],
  ])('refuses a client id that is %s, with a clear message', (_what, id) => {
    expect(() => officeSso(PROD, id)).toThrow(/PERFPLAN_ADDIN_CLIENT_ID must be the Entra application \(client\) id, a GUID/);
  });

  it.each(['https://perfplan.azurewebsites.net/', 'https://x.cloudapp.net/', 'https://gentle-sea-0a1.azurestaticapps.net/', 'https://acct.z13.web.core.windows.net/'])(
    'refuses a shared domain nobody can register an Application ID URI under: %s',
    (url) => {
      expect(() => officeSso(url, CLIENT_ID)).toThrow(/domain your organization owns/);
    },
  );

  it('refuses a manifest that already has WebApplicationInfo, or whose Resource host is not the add-in\'s', () => {
    expect(() => withWebApplicationInfo(withSso, officeSso(PROD, CLIENT_ID))).toThrow(/already has/);
    expect(() => withWebApplicationInfo(plain, officeSso('https://other.contoso.com/', CLIENT_ID))).toThrow(/add-in's own host/);
  });

  it('lists the Office client ids to pre-authorize, the all-endpoints id first', () => {
    expect(OFFICE_CLIENT_IDS[0]).toEqual({ id: 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e', what: 'all Microsoft Office application endpoints' });
    for (const { id } of OFFICE_CLIENT_IDS) expect(id).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
  });

  describe('write-production', () => {
    let dir: string;
    let out: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'perfplan-manifest-sso-'));
      out = join(dir, 'build', 'manifest.prod.xml');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('with a client id writes WebApplicationInfo and reports it', () => {
      const result = writeProductionManifest(PROD, join(ROOT, 'manifest.xml'), out, { clientId: ` ${CLIENT_ID} ` });
      expect(result.sso).toEqual({ id: CLIENT_ID, resource: `api://perfplan.contoso.com/${CLIENT_ID}`, scopes: ['openid', 'profile'] });
      expect(readFileSync(out, 'utf8')).toBe(withSso);
    });

    it('without one (unset or blank) writes the manifest as before, with no WebApplicationInfo', () => {
      for (const clientId of [undefined, '', '  ']) {
        const result = writeProductionManifest(PROD, join(ROOT, 'manifest.xml'), out, { clientId });
        expect(result.sso).toBeNull();
        const written = readFileSync(out, 'utf8');
        expect(written).toBe(plain);
        expect(named(parseManifest(written), 'WebApplicationInfo')).toEqual([]);
        expect(written).not.toContain('<Scopes>');
      }
    });

    it('refuses a bad client id and writes nothing', () => {
      expect(() => writeProductionManifest(PROD, join(ROOT, 'manifest.xml'), out, { clientId: 'not-a-guid' })).toThrow(/GUID/);
      expect(existsSync(out)).toBe(false);
    });

    /** `npm run build`'s last step, as it runs there. */
    const runBuildStep = (env: Record<string, string>) => {
      const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^PERFPLAN_(ADDIN_URL|ADDIN_CLIENT_ID|AUTH_AUDIENCE)$/.test(k)));
      const run = spawnSync(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', 'addin/manifest/write-production.ts', '--if-configured', 'manifest.xml', out],
        { cwd: ROOT, env: { ...clean, ...env }, encoding: 'utf8' },
      );
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    };

    it('the build step says whether the manifest has single sign-on, and stops on a bad id', () => {
      const withId = runBuildStep({ PERFPLAN_ADDIN_URL: PROD, PERFPLAN_ADDIN_CLIENT_ID: CLIENT_ID });
      expect(withId).toMatchObject({ status: 0, stderr: '' });
      expect(withId.stdout).toContain(`Office single sign-on: app ${CLIENT_ID}, resource api://perfplan.contoso.com/${CLIENT_ID}`);
      expect(readFileSync(out, 'utf8')).toBe(withSso);

      const without = runBuildStep({ PERFPLAN_ADDIN_URL: PROD });
      expect(without.status).toBe(0);
      expect(without.stdout).toMatch(/no Office single sign-on \(PERFPLAN_ADDIN_CLIENT_ID not set\): the Runs view will ask users to paste an access token/);
      expect(readFileSync(out, 'utf8')).toBe(plain);

      const bad = runBuildStep({ PERFPLAN_ADDIN_URL: PROD, PERFPLAN_ADDIN_CLIENT_ID: 'perfplan-app' });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/write-production: PERFPLAN_ADDIN_CLIENT_ID must be the Entra application \(client\) id, a GUID/);

      const noUrl = runBuildStep({ PERFPLAN_ADDIN_CLIENT_ID: CLIENT_ID });
      expect(noUrl.status).toBe(1);
      expect(noUrl.stderr).toMatch(/PERFPLAN_ADDIN_CLIENT_ID is set but PERFPLAN_ADDIN_URL is not/);
    }, 60_000);

    it('accepts the API audience when it is the same app (client id or its URI), refuses another app', () => {
      for (const apiAudience of [CLIENT_ID, CLIENT_ID.toUpperCase(), `api://perfplan.contoso.com/${CLIENT_ID}`, '']) {
        expect(writeProductionManifest(PROD, join(ROOT, 'manifest.xml'), out, { clientId: CLIENT_ID, apiAudience }).sso?.id).toBe(CLIENT_ID);
      }
      rmSync(out);
      expect(() =>
        writeProductionManifest(PROD, join(ROOT, 'manifest.xml'), out, { clientId: CLIENT_ID, apiAudience: '11111111-2222-4333-8444-555555555555' }),
      ).toThrow(/PERFPLAN_AUTH_AUDIENCE .* the API would refuse/);
      expect(existsSync(out)).toBe(false);
    });
  });
});
