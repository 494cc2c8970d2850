// Writes dist/cli.cjs.cache (run by scripts/build.mjs after the bundle and the taxonomy are built):
// loads the CLI as bin/skillscan.js does, runs the common commands once, and saves what V8 compiled.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { loadCli } = require('../bin/skillscan.js');

const root = join(__dirname, '..');
const ad = join(root, 'fixtures/jobs/python-backend.md');
const quiet = { write: () => true, isTTY: false };
const io = { stdout: quiet, stderr: quiet, env: {}, cwd: root };

(async () => {
  const { cli, script } = loadCli();
  for (const format of ['json', 'table']) {
    const code = await cli.run(['scan', ad, '--format', format], io);
    if (code !== 0) throw new Error(`scan --format ${format} exited ${code} while making the code cache`);
  }
  writeFileSync(join(root, 'dist/cli.cjs.cache'), script.createCachedData());
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
