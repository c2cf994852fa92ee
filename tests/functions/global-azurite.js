/**
 * One Azurite for the whole jest run (real storage, in memory, free ports).
 *
 *   setup():    starts it and exports its connection string as
 *               process.env.PERFPLAN_TEST_STORAGE (jest workers are spawned afterwards and
 *               inherit it; tests/functions/support/azurite.ts#testStorage reads it).
 *   teardown(): stops it.
 *
 * Wire-up: call `require('./functions/global-azurite').setup()` from the globalSetup and
 * `.teardown()` from a globalTeardown (module.exports itself is `setup`, so the file can
 * also be the globalSetup directly). If PERFPLAN_TEST_STORAGE is already set, nothing is
 * started and that storage is used (tests isolate themselves with table-name prefixes).
 */
const KEY = Symbol.for('perfplan.test.azurite');

function loadHelper() {
  try {
    // Under jest's globalSetup, TypeScript files are transpiled by the configured transform.
    return require('./support/azurite');
  } catch (err) {
    if (err && err.code !== 'MODULE_NOT_FOUND' && !(err instanceof SyntaxError)) throw err;
    require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
    return require('./support/azurite.ts');
  }
}

async function setup() {
  if (globalThis[KEY] || process.env.PERFPLAN_TEST_STORAGE) return;
  const { startAzurite } = loadHelper();
  const azurite = await startAzurite({ inMemory: true });
  globalThis[KEY] = azurite;
  process.env.PERFPLAN_TEST_STORAGE = azurite.connectionString;
}

async function teardown() {
  const azurite = globalThis[KEY];
  if (!azurite) return;
  globalThis[KEY] = undefined;
  delete process.env.PERFPLAN_TEST_STORAGE;
  await azurite.stop();
}

module.exports = setup;
module.exports.setup = setup;
module.exports.teardown = teardown;
