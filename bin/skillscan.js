#!/usr/bin/env node
// CommonJS (bin/package.json), like the CLI bundle it loads: Node 20 starts a CommonJS program
// without its ESM loader, and dist/cli.cjs is one file instead of a graph of chunks to resolve.
// The bundle is compiled with the V8 code cache the build wrote next to it (dist/cli.cjs.cache, made
// after a scan, so it holds the functions a run compiles, not just the top level). Node 20 has no
// module.enableCompileCache; this is the same idea, by hand. V8 ignores a cache that does not fit
// (another Node version, other flags, a rebuilt bundle) and compiles as usual: only slower.
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const CLI = join(__dirname, '..', 'dist', 'cli.cjs');

/** Loads dist/cli.cjs as `require` would, with the code cache; returns its exports and the script. */
function loadCli() {
  const source = readFileSync(CLI, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(`${CLI}.cache`);
  } catch {
    // no cache: compile from source
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: CLI,
    cachedData,
  });
  const module = { exports: {}, filename: CLI };
  script.runInThisContext()(module.exports, Module.createRequire(CLI), module, CLI, join(CLI, '..'));
  return { cli: module.exports, script };
}

if (require.main === module) {
  loadCli().cli.main();
} else {
  module.exports = { loadCli }; // for the build, which writes the cache
}
