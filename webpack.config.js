/* Builds the add-in into build/: functions.js (+ functions.json generated from the JSDoc
 * catalog, functions-zh-cn.json from the translation dictionary), the task pane
 * (taskpane.html is also the shared runtime page), icons and the manifest.
 * HyperFormula is never imported here: it is GPL-licensed and belongs to the CLI only. */
const path = require('path');
const fs = require('fs');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { sources, WebpackError, Compilation } = require('webpack');

require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const { localizeMetadata } = require('./addin/custom-functions/localize.ts');
const { shippedMetadata } = require('./addin/custom-functions/metadata.ts');

const FUNCTIONS_SOURCE = './addin/custom-functions/functions.ts';
const ZH_CN_DICTIONARY = path.resolve(__dirname, 'addin/custom-functions/i18n/zh-CN.json');

/**
 * Rewrites functions.json as shipped (without allowCustomDataForDataTypeAny, which the metadata
 * plugin always sets: see addin/custom-functions/metadata.ts) and emits functions-zh-cn.json
 * next to it; a missing translation fails the build.
 */
class LocalizedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LocalizedMetadataPlugin', (compilation) => {
      compilation.fileDependencies.add(ZH_CN_DICTIONARY);
      compilation.hooks.processAssets.tap({ name: 'LocalizedMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const metadata = compilation.getAsset('functions.json');
        if (!metadata) return; // the metadata plugin already reported why
        try {
          const dictionary = JSON.parse(fs.readFileSync(ZH_CN_DICTIONARY, 'utf8'));
          const shipped = shippedMetadata(JSON.parse(metadata.source.source().toString()));
          compilation.updateAsset('functions.json', new sources.RawSource(JSON.stringify(shipped, null, 4)));
          const localized = localizeMetadata(shipped, dictionary);
          compilation.emitAsset('functions-zh-cn.json', new sources.RawSource(JSON.stringify(localized, null, 2)));
        } catch (error) {
          compilation.errors.push(new WebpackError(error.message));
        }
      });
    });
  }
}

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  return {
    devtool: production ? false : 'source-map',
    entry: {
      functions: FUNCTIONS_SOURCE,
      // The task pane shell (React + Fluent UI); each view is a lazy chunk (import() in app.tsx).
      taskpane: './addin/taskpane/taskpane.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'build'),
      filename: '[name].js',
      // Lazy task pane views (and the vendor code only they use); hashed so Office's cache
      // never serves a stale view to a new shell.
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // ES modules let webpack tree-shake and split at import(); Node code elsewhere stays CommonJS.
          options: { transpileOnly: true, compilerOptions: { module: 'es2020', jsx: 'react-jsx', sourceMap: !production } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_SOURCE }),
      new LocalizedMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        // Shared runtime: the pane's page also hosts the custom functions.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: { hints: false },
  };
};
