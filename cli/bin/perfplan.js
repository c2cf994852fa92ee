#!/usr/bin/env node
// The `perfplan` command: runs the compiled CLI (built by `npm install` via `prepare`).
'use strict';
const path = require('path');
const fs = require('fs');

const compiled = path.join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write('perfplan: the CLI is not built yet; run "npm install" (or "npm run prepare") in the PerfPlan folder first.\n');
  process.exit(1);
}
require(compiled)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`perfplan: internal error: ${error && (process.env.PERFPLAN_DEBUG ? error.stack : error.message) || error}\n`);
      process.exitCode = 5;
    },
  );
