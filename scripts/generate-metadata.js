#!/usr/bin/env node
// Generates dist/functions.json from the JSDoc catalog (the same generator webpack's
// CustomFunctionsMetadataPlugin runs) and dist/functions-zh-cn.json from the dictionary.
// `perfplan calc` reads dist/functions.json to register exactly the functions Excel gets.
'use strict';
const fs = require('fs');
const path = require('path');
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'addin', 'custom-functions', 'functions.ts');
const outDir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');

async function run() {
  const result = await generateCustomFunctionsMetadata(source, false);
  if (result.errors.length > 0) {
    // The CLI of custom-functions-metadata exits 0 on errors; we do not.
    process.stderr.write(`functions.json: ${result.errors.length} error(s) in ${source}:\n  ${result.errors.join('\n  ')}\n`);
    process.exit(1);
  }
  const { localizeMetadata } = require(path.join(root, 'dist', 'addin', 'custom-functions', 'localize.js'));
  // Drops allowCustomDataForDataTypeAny, which the generator always sets (see metadata.ts).
  const { shippedMetadata } = require(path.join(root, 'dist', 'addin', 'custom-functions', 'metadata.js'));
  const dictionary = JSON.parse(fs.readFileSync(path.join(root, 'addin', 'custom-functions', 'i18n', 'zh-CN.json'), 'utf8'));
  const metadata = shippedMetadata(JSON.parse(result.metadataJson));
  const localized = localizeMetadata(metadata, dictionary);
  fs.mkdirSync(outDir, { recursive: true });
  // Same formatting as the generator (and webpack.config.js): four-space JSON.
  fs.writeFileSync(path.join(outDir, 'functions.json'), JSON.stringify(metadata, null, 4));
  fs.writeFileSync(path.join(outDir, 'functions-zh-cn.json'), JSON.stringify(localized, null, 2));
}

run().catch((error) => {
  process.stderr.write(`${error.message || error}\n`);
  process.exit(1);
});
