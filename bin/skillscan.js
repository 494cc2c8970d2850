#!/usr/bin/env node
// Thin shim: all behaviour lives in dist/cli.js (built from src/cli/main.ts).
import { main } from '../dist/cli.js';

await main();
