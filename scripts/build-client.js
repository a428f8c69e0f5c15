#!/usr/bin/env node
// Bundles the blueprint page's script (TypeScript, src/web/client/) for the browser into dist/public/.
// Runs after `nest build`, which type-checks it and empties dist/ first.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
esbuild.buildSync({
  entryPoints: [path.join(root, 'src', 'web', 'client', 'blueprint-page.ts')],
  outfile: path.join(root, 'dist', 'public', 'blueprint-page.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
