#!/usr/bin/env node
// The `blueprint` command; the code is built into dist/ by `npm install` (prepare) or `npm run build`.
let cli;
try {
  cli = require('../dist/cli/main');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    console.error('blueprint: not built yet; run `npm run build` in ' + require('path').resolve(__dirname, '..'));
    process.exit(1);
  }
  throw error;
}
cli.run(process.argv);
