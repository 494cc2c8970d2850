/** The package entry: the library (src/api/). The CLI is dist/cli.cjs, run by bin/skillscan.js. */
export * from './api/index.js';
