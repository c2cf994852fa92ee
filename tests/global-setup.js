// Builds what the tests run against — the message types tsc needs, the compiled CLI (dist/, used by the `perfplan` bin)
// and dist/functions.json generated from the JSDoc catalog, exactly as `npm install` does —
// and starts one real Azurite (in memory, free ports) for the API's integration tests.
const { execFileSync } = require('child_process');
const path = require('path');
const azurite = require('./functions/global-azurite');

module.exports = async () => {
  const root = path.resolve(__dirname, '..');
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
  run(process.execPath, [path.join(root, 'scripts', 'generate-message-types.js')]);
  run(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', 'tsconfig.build.json']);
  run(process.execPath, [path.join(root, 'scripts', 'generate-metadata.js')]);
  await azurite.setup();
};
