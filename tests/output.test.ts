import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runSubprocess } from './helpers/cli.js';

// `-o FILE` never destroys data: not an input it reads, not the old report when a run fails or is
// interrupted (the report is written beside its target and renamed over it when complete).
const dir = mkdtempSync(join(tmpdir(), 'skillscan-output-'));
const AD = 'Backend engineer: Python, PostgreSQL, Kubernetes.\n';

function fresh(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('-o naming an input', () => {
  it.each([
    ['scan', (f: string) => ['scan', f, '-o', f]],
    ['scan --jsonl -f jsonl', (f: string) => ['scan', '--jsonl', f, '-f', 'jsonl', '-o', f]],
    ['report --jsonl', (f: string) => ['report', '--jsonl', f, '-f', 'json', '-o', f]],
    ['compare --cv', (f: string) => ['compare', '--cv', f, f, '-o', f]],
  ])('%s: refused with exit 2, the input left as it was', (_name, args) => {
    const text = `${JSON.stringify({ text: AD })}\n`;
    const input = fresh(`in-${_name.replace(/\W+/g, '-')}.jsonl`, text);
    const r = runSubprocess(args(input));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is also an input/);
    expect(readFileSync(input, 'utf8')).toBe(text);
  });

  it('is found through a folder walk too', () => {
    const folder = join(dir, 'ads');
    mkdirSync(folder);
    const ad = join(folder, 'one.md');
    writeFileSync(ad, AD);
    const r = runSubprocess(['scan', folder, '-o', ad]);
    expect(r.code).toBe(2);
    expect(readFileSync(ad, 'utf8')).toBe(AD);
  });

  it('a new file beside the inputs is written', () => {
    const input = fresh('ad.md', AD);
    const r = runSubprocess(['scan', input, '-f', 'json', '-o', join(dir, 'scan.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'scan.json'), 'utf8')).documents).toHaveLength(1);
  });
});

describe('-o is written whole or not at all', () => {
  it('Ctrl-C during a streamed scan leaves the old report and no temporary file', async () => {
    const out = fresh('stream.jsonl', 'the old report\n');
    const child = spawn(process.execPath, [BIN, 'scan', '--jsonl', '-', '-f', 'jsonl', '-o', out], { stdio: ['pipe', 'ignore', 'pipe'] });
    // Enough lines for a chunk to be scanned and written, then the input stays open (a slow producer).
    child.stdin.write(`${JSON.stringify({ text: AD })}\n`.repeat(20000));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(readFileSync(out, 'utf8')).toBe('the old report\n');
    expect(readdirSync(dir).filter((f) => f.includes('.skillscan-'))).toEqual([]);
  });

  it('a finished streamed scan replaces the old report', () => {
    const out = fresh('stream2.jsonl', 'the old report\n');
    const r = runSubprocess(['scan', '--jsonl', '-', '-f', 'jsonl', '-o', out], { stdin: `${JSON.stringify({ text: AD })}\n`.repeat(3) });
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(readdirSync(dir).filter((f) => f.includes('.skillscan-'))).toEqual([]);
  });
});
