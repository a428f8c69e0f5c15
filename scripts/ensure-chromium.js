#!/usr/bin/env node
// Makes sure Debian's Chromium is installed for the browser tests (`npm test` runs this first).
// Never downloads a browser build of its own: it installs the distribution's package with apt-get.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(command, args) {
  console.log(`ensure-chromium: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  console.error(
    `ensure-chromium: the browser tests need Chromium at ${CHROMIUM}; install it (Debian: apt-get install -y chromium) ` +
      'or point CHROMIUM_PATH at a Chromium binary.',
  );
  process.exit(1);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function main() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH names ${CHROMIUM}, which does not exist.`);
  if (!onPath('apt-get')) fail('Chromium is missing and this machine has no apt-get to install it with.');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root && !onPath('sudo')) fail('Chromium is missing; installing it needs root or sudo.');
  const apt = (args) => (root ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
  console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium package`);
  // A fresh machine may have no package lists yet; an install that fails gets one retry after an update.
  if (!apt(['install', '-y', '--no-install-recommends', 'chromium'])) {
    if (!apt(['update']) || !apt(['install', '-y', '--no-install-recommends', 'chromium'])) {
      fail('apt-get could not install the chromium package.');
    }
  }
  if (!fs.existsSync(CHROMIUM)) fail(`the chromium package is installed but ${CHROMIUM} is still missing.`);
}

main();
