#!/usr/bin/env node
// The `perfplan` command: runs the compiled CLI (built by `npm install` via `prepare`).
// Its two messages follow the command line's locale (--lang, else LC_ALL, LC_MESSAGES, LANG):
// a failure of perfplan itself is said by the compiled CLI (crashLine); that the CLI is not
// built yet is said before anything is compiled, from i18n/cli-bin.json, in the locale this
// file decides the way i18n/locale.ts does (tests/cli/bin.test.ts holds the two to agree).
'use strict';
const path = require('path');
const fs = require('fs');

/** i18n/locale.ts pickLocale, for when nothing is compiled yet. */
function pickLocale(tag) {
  if (!tag) return 'en-US';
  const [language, ...subtags] = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase().split('-');
  if (language !== 'zh') return 'en-US';
  if (subtags.includes('hant')) return 'en-US';
  if (subtags.includes('hans')) return 'zh-CN';
  if (subtags.some((t) => t === 'tw' || t === 'hk' || t === 'mo')) return 'en-US';
  return 'zh-CN';
}

/** i18n/cli.ts argumentsLocale: the last --lang X / --lang=X, else LC_ALL, LC_MESSAGES, LANG. */
function binLocale(argv, env) {
  let lang;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--lang=')) lang = argv[i].slice('--lang='.length);
    else if (argv[i] === '--lang' && argv[i + 1]) lang = argv[++i];
  }
  return pickLocale(lang ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

function run() {
  const argv = process.argv.slice(2);
  const compiled = path.join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
  if (!fs.existsSync(compiled)) {
    const { notBuilt } = require('../../i18n/cli-bin.json');
    process.stderr.write(`perfplan: ${notBuilt[binLocale(argv, process.env)]}\n`);
    process.exit(1);
  }
  const cli = require(compiled);
  cli.main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      // A dist/ built before crashLine existed (npm install not rerun): its message as it is.
      const line = typeof cli.crashLine === 'function' ? cli.crashLine(error, argv, process.env) : `perfplan: ${(error && error.message) || error}\n`;
      process.stderr.write(line);
      process.exitCode = 5;
    },
  );
}

if (require.main === module) run();

module.exports = { binLocale, pickLocale };
