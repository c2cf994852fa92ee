/**
 * `npm run build`'s add-in half: webpack produces functions.js (registering every catalog
 * function), functions.json and functions-zh-cn.json generated from the catalog, the
 * shared-runtime task pane page, icons and the manifest — and keeps GPL HyperFormula out of the bundle.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'build');
const read = (file: string) => fs.readFileSync(path.join(BUILD, file), 'utf8');

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] }), '--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
}, 180_000);

it('emits every file the manifest points at', () => {
  for (const file of ['functions.js', 'functions.json', 'functions-zh-cn.json', 'taskpane.html', 'taskpane.js', 'taskpane.css', 'manifest.xml', 'assets/icon-32.png']) {
    expect(fs.existsSync(path.join(BUILD, file))).toBe(true);
  }
});

it('functions.js associates every catalog function with its id (run as the Excel runtime would load it)', () => {
  const ids = (JSON.parse(read('functions.json')).functions as { id: string }[]).map((f) => f.id).sort();
  const associated: string[] = [];
  const runtime = { associate: (id: string, fn: unknown) => typeof fn === 'function' && associated.push(id), Error: class {}, ErrorCode: {} };
  vm.runInNewContext(read('functions.js'), { CustomFunctions: runtime, window: {}, self: {}, console, setTimeout, clearTimeout });
  expect(associated.sort()).toEqual(ids);
});

it('the webpack metadata equals the one the CLI registers (dist/functions.json), in both languages', () => {
  expect(JSON.parse(read('functions.json'))).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'functions.json'), 'utf8')));
  expect(JSON.parse(read('functions-zh-cn.json'))).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'functions-zh-cn.json'), 'utf8')));
});

it('ships functions.json without allowCustomDataForDataTypeAny (data types reach PERF as their basic value)', () => {
  const shipped = [
    read('functions.json'),
    read('functions-zh-cn.json'),
    fs.readFileSync(path.join(ROOT, 'dist', 'functions.json'), 'utf8'),
    fs.readFileSync(path.join(ROOT, 'dist', 'functions-zh-cn.json'), 'utf8'),
  ];
  for (const text of shipped) {
    expect(text).not.toContain('allowCustomDataForDataTypeAny');
    expect(JSON.parse(text).functions.length).toBe(JSON.parse(read('functions.json')).functions.length);
  }
});

it('taskpane.html is the shared runtime page: office.js, then functions.js and taskpane.js', () => {
  const html = read('taskpane.html');
  const order = ['appsforoffice.microsoft.com/lib/1/hosted/office.js', 'functions.js', 'taskpane.js'].map((s) => html.indexOf(s));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

it('keeps HyperFormula (GPL-3.0) out of the add-in bundle', () => {
  expect(read('functions.js')).not.toMatch(/hyperformula|HyperFormula/);
  expect(read('taskpane.js')).not.toMatch(/hyperformula|HyperFormula/);
});
