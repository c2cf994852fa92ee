#!/usr/bin/env node
// Writes dist/functions.json and dist/functions-zh-cn.json from the compiled catalog (the
// same generator the webpack build runs), for tools and tests that read the metadata Excel gets.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const outDir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');
const { metadataFiles } = require(path.join(root, 'dist', 'catalog', 'metadata.js'));
fs.mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(metadataFiles())) fs.writeFileSync(path.join(outDir, name), text);
