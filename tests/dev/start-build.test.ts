/**
 * What `npm start` builds and serves (dev/start.ts, issue 14 item 10): the production build
 * unless asked for development (`npm start -- --dev`, PERFPLAN_DEV=1); a build of the other
 * mode, or older than its sources, is rebuilt; the manifest served names the origin served.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildStaleReason, builtMode, manifestFor, wantedBuildMode } from '../../dev/start';
import { useTempDir } from '../functions/auth/helpers';

const ROOT = path.resolve(__dirname, '..', '..');

const work = useTempDir('perfplan-start-build-', 'all');

describe('the build npm start serves', () => {
  it('production unless --dev or PERFPLAN_DEV=1', () => {
    expect(wantedBuildMode([], {})).toBe('production');
    expect(wantedBuildMode(['--dev'], {})).toBe('development');
    expect(wantedBuildMode([], { PERFPLAN_DEV: '1' })).toBe('development');
    expect(wantedBuildMode([], { PERFPLAN_DEV: 'true' })).toBe('development');
    expect(wantedBuildMode([], { PERFPLAN_DEV: '0' })).toBe('production');
  });

  it('a build of the other mode, a missing output or a newer source is rebuilt; an up-to-date build is served as it is', () => {
    // A repository with every source the build reads, and a build made after them.
    const root = path.join(work(), 'repo');
    const folders = ['addin', 'adapters', 'catalog', 'engine', 'i18n', 'workbook', 'assets'];
    const files = ['manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package.json', ...folders.map((d) => `${d}/source.ts`)];
    for (const dir of folders) fs.mkdirSync(path.join(root, dir), { recursive: true });
    for (const file of files) fs.writeFileSync(path.join(root, file), 'x');
    const past = new Date(Date.now() - 60_000);
    for (const file of [...files, ...folders]) fs.utimesSync(path.join(root, file), past, past);
    const build = path.join(root, 'build');
    expect(buildStaleReason(root, 'production', build)).toBe('build/ does not exist yet');
    fs.mkdirSync(build);
    // Built 30 s ago, after the sources: a source written below is newer by far more than the
    // file system's clock tick (written in the same tick, it would carry the very same mtime).
    const built = new Date(Date.now() - 30_000);
    for (const file of ['taskpane.html', 'functions.js', 'functions.json', 'functions-zh-cn.json', 'manifest.xml', 'taskpane.js']) {
      fs.writeFileSync(path.join(build, file), 'built');
      fs.utimesSync(path.join(build, file), built, built);
    }

    expect(builtMode(build)).toBe('production');
    expect(buildStaleReason(root, 'production', build)).toBeNull();
    expect(buildStaleReason(root, 'development', build)).toBe('build/ is a production build and development was asked for');

    // webpack writes source maps in development mode only.
    fs.writeFileSync(path.join(build, 'taskpane.js.map'), '{}');
    expect(builtMode(build)).toBe('development');
    expect(buildStaleReason(root, 'development', build)).toBeNull();
    expect(buildStaleReason(root, 'production', build)).toBe('build/ is a development build and production was asked for');

    // Every folder the bundles import from counts: the custom functions come from adapters/, catalog/, engine/ and i18n/.
    for (const dir of ['catalog', 'i18n', 'engine']) {
      fs.writeFileSync(path.join(root, dir, 'source.ts'), 'changed');
      expect(buildStaleReason(root, 'development', build)).toBe(`${dir} changed since the last build`);
      fs.utimesSync(path.join(root, dir, 'source.ts'), past, past);
      fs.utimesSync(path.join(root, dir), past, past);
    }
    fs.rmSync(path.join(build, 'functions.json'));
    expect(buildStaleReason(root, 'development', build)).toBe('build/functions.json is missing');
  });

  it("the manifest served names the origin actually served, everywhere it named the dev origin, and nothing else changes", () => {
    const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const dev = xml.split('https://localhost:3000').length - 1;
    expect(dev).toBeGreaterThan(5);
    expect(manifestFor(xml, 'https://localhost:3000')).toBe(xml);
    const http = manifestFor(xml, 'http://localhost:3100');
    expect(http).not.toContain('https://localhost:3000');
    expect(http.split('http://localhost:3100').length - 1).toBe(dev);
    expect(http.split('http://localhost:3100').join('https://localhost:3000')).toBe(xml);
  });
});
