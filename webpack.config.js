/* Builds the add-in into build/: functions.js (the PERF functions, registered from the
 * catalog), functions.json and functions-zh-cn.json (generated from the same catalog), the task
 * pane (taskpane.html is also the shared runtime page), icons and the manifest.
 * HyperFormula is never imported here: it is GPL-licensed and belongs to the CLI only. */
const path = require('path');
const { sources, WebpackError, Compilation } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });

const FUNCTIONS_SOURCE = './adapters/excel/functions.ts';

/** Emits Excel's metadata in both languages from the catalog (catalog/metadata.ts). */
class CatalogMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CatalogMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CatalogMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        try {
          // Fresh on every build (watch mode): the catalog may have changed.
          for (const key of Object.keys(require.cache)) if (key.includes(`${path.sep}catalog${path.sep}`) || key.includes(`${path.sep}engine${path.sep}`)) delete require.cache[key];
          const { metadataFiles } = require('./catalog/metadata.ts');
          for (const [name, text] of Object.entries(metadataFiles())) compilation.emitAsset(name, new sources.RawSource(text));
        } catch (error) {
          compilation.errors.push(new WebpackError(`functions.json: ${error.message}`));
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
      new CatalogMetadataPlugin(),
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
