import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, RUNNERS, type CliResult } from './helpers/cli.js';
import { expectValidJson } from './helpers/schema.js';

const IN = 'fixtures/inputs';
const PY = 'fixtures/jobs/python-backend.md';
const tmp = (): string => mkdtempSync(join(tmpdir(), 'skillscan-bad-'));

/** (id, line.column of every match) per skill: what must not change with encoding or line ends. */
const positions = (doc: any): string[] => doc.skills.map((s: any) => `${s.id}@${s.matches.map((m: any) => `${m.line}.${m.column}`).join(',')}`);

/** The one-line `path: reason` messages on stderr, and no stack trace. */
function expectFailureLines(r: CliResult, lines: string[]): void {
  expect(r.stderr.split('\n').filter(Boolean)).toEqual(lines);
  expect(r.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
}

describe.each(RUNNERS)('bad input (%s)', (_mode, cli) => {
  it.each([
    ['a missing path', ['no/such/ad.txt'], 'no/such/ad.txt: no such file or directory'],
    ['a glob that matches nothing', ['fixtures/none/*.md'], 'fixtures/none/*.md: no files match this pattern'],
    ['a file with NUL bytes', [`${IN}/nul-bytes.txt`], `${IN}/nul-bytes.txt: binary file (contains NUL bytes), not text`],
    ['an image', [`${IN}/image.png`], `${IN}/image.png: binary file (a PNG image), not text`],
    ['random bytes', [`${IN}/random.bin`], `${IN}/random.bin: binary file (mostly control characters or invalid UTF-8), not text`],
    ['an empty file', [`${IN}/empty.txt`], `${IN}/empty.txt: empty file, nothing to scan`],
    ['a corrupt PDF', [`${IN}/corrupt.pdf`], `${IN}/corrupt.pdf: not a valid PDF (corrupt or truncated: Invalid PDF structure)`],
    ['a scanned PDF', [`${IN}/scanned.pdf`], `${IN}/scanned.pdf: no text layer (scanned image?); run OCR first`],
    ['an encrypted PDF', [`${IN}/encrypted.pdf`], `${IN}/encrypted.pdf: PDF is encrypted (password-protected); save an unprotected copy first`],
    ['a corrupt DOCX', [`${IN}/corrupt.docx`], `${IN}/corrupt.docx: not a valid .docx (zip) file (Corrupted zip: can't find end of central directory)`],
  ])('%s: one line "path: reason", exit 2, the good input still reported in full', async (_case, args, message) => {
    const good = expectValidJson('scan', (await cli(['scan', PY, '-f', 'json'])).stdout);
    const r = await cli(['scan', ...args, PY, '-f', 'json']);
    expect(r.code).toBe(2);
    expectFailureLines(r, [message]);
    const out = expectValidJson('scan', r.stdout);
    expect(out.documents).toEqual(good.documents);
    const [source, reason] = [message.slice(0, message.indexOf(': ')), message.slice(message.indexOf(': ') + 2)];
    expect(out.errors).toEqual([{ source, message: reason }]);
  });

  it('a directory without text files is an error; a directory is otherwise walked', async () => {
    const dir = tmp();
    copyFileSync(join(ROOT, IN, 'image.png'), join(dir, 'logo.png'));
    const r = await cli(['scan', dir]);
    expect(r.code).toBe(2);
    expectFailureLines(r, [`${dir}: directory has no text files (.txt .text .md .markdown .mdown .rst .adoc .html .htm .xhtml .pdf .docx)`]);
  });

  it('decodes UTF-8 with BOM, UTF-16 LE/BE with BOM, CRLF and lone CR to the same skills at the same line:column', async () => {
    const files = ['utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'crlf.txt', 'lone-cr.txt'].map((f) => `${IN}/${f}`);
    const lf = expectValidJson(
      'scan',
      (await cli(['scan', '-f', 'json'], { stdin: 'Backend role: Python and PostgreSQL on AWS.\nWe also use Docker.\n' })).stdout,
    ).documents[0];
    expect(positions(lf)).toEqual(['python@1.15', 'postgresql@1.26', 'aws@1.40', 'docker@2.13']);
    const r = await cli(['scan', ...files, '-f', 'json']);
    expect(r.code).toBe(0);
    const out = expectValidJson('scan', r.stdout);
    expect(out.documents.map((d: any) => d.source)).toEqual(files);
    for (const doc of out.documents) expect(positions(doc)).toEqual(positions(lf));
  });

  it('scans Latin-1 and invalid UTF-8 with replacement characters, positions still right', async () => {
    const r = await cli(['scan', `${IN}/latin1.txt`, `${IN}/invalid-utf8.txt`, '-f', 'json']);
    expect(r.code).toBe(0);
    const [latin1, invalid] = expectValidJson('scan', r.stdout).documents;
    expect(latin1.skills.filter((s: any) => !s.implied).map((s: any) => s.id)).toEqual(['java', 'spring-boot', 'postgresql', 'docker']);
    expect(invalid.skills.map((s: any) => s.id).sort()).toEqual(['aws', 'go', 'python', 'redis']);
    for (const [file, doc] of [
      ['latin1.txt', latin1],
      ['invalid-utf8.txt', invalid],
    ] as const) {
      const lines = new TextDecoder().decode(readFileSync(join(ROOT, IN, file))).split('\n');
      for (const s of doc.skills) for (const m of s.matches) expect(lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + m.text.length)).toBe(m.text);
    }
  });

  it('reads a 20 MB single line, with the right column at its end', async () => {
    const dir = tmp();
    const filler = 'lorem ipsum dolor sit amet, '.repeat(Math.ceil((20 * 1024 * 1024) / 28));
    const head = 'We need Python ';
    writeFileSync(join(dir, 'long.txt'), `${head}${filler} and Kubernetes.\n`);
    const r = await cli(['scan', join(dir, 'long.txt'), '-f', 'json']);
    expect(r.code).toBe(0);
    const [doc] = expectValidJson('scan', r.stdout).documents;
    const k8s = doc.skills.find((s: any) => s.id === 'kubernetes');
    expect(k8s.matches[0]).toMatchObject({ line: 1, column: head.length + filler.length + ' and '.length + 1 });
    expect(k8s.matches[0].snippet.length).toBeLessThanOrEqual(102);
  });

  it('refuses a file over --max-size, naming the limit, and a bad --max-size value', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.txt'), 'Python '.repeat(300));
    writeFileSync(join(dir, 'small.txt'), 'Go and Postgres');
    const r = await cli(['scan', join(dir, 'big.txt'), join(dir, 'small.txt'), '--max-size', '1KB', '-f', 'json']);
    expect(r.code).toBe(2);
    expectFailureLines(r, [`${join(dir, 'big.txt')}: larger than the 1 KB limit (raise it with --max-size)`]);
    expect(expectValidJson('scan', r.stdout).documents.map((d: any) => d.skills.length)).toEqual([2]);
    const piped = await cli(['scan', '--max-size', '1k', '-q'], { stdin: 'Go '.repeat(1000) });
    expectFailureLines(piped, ['-: larger than the 1 KB limit (raise it with --max-size)']);
    const bad = await cli(['scan', PY, '--max-size', 'lots']);
    expect(bad.code).toBe(2);
    expectFailureLines(bad, ['skillscan: --max-size must be a size such as 10MB or 500KB (got "lots")']);
    expect(bad.stdout).toBe('');
  });

  it('scans an HTML page with positions in the original file', async () => {
    const r = await cli(['scan', `${IN}/ad.html`, '-f', 'json']);
    expect(r.code).toBe(0);
    const [doc] = expectValidJson('scan', r.stdout).documents;
    expect(doc.skills.map((s: any) => s.id)).not.toContain('ruby'); // only in a <script>
    const lines = readFileSync(join(ROOT, IN, 'ad.html'), 'utf8').split('\n');
    for (const s of doc.skills) for (const m of s.matches) expect(lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + m.text.length)).toBe(m.text);
    expect(doc.skills.find((s: any) => s.id === 'cpp').matches[0]).toMatchObject({ text: 'C&#43;&#43;', line: 17, column: 30 });
  });

  it('follows a symlink loop inside a directory once, and names a looping link given directly', async () => {
    const dir = tmp();
    copyFileSync(join(ROOT, PY), join(dir, 'ad.md'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('self.md', join(dir, 'self.md'));
    const r = await cli(['scan', dir, '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(expectValidJson('scan', r.stdout).documents.map((d: any) => d.source)).toEqual([join(dir, 'ad.md')]);
    const direct = await cli(['scan', 'self.md', 'ad.md', '-q'], { cwd: dir });
    expect(direct.code).toBe(2);
    expectFailureLines(direct, ['self.md: too many levels of symbolic links']);
  });

  it('says so when stdin is empty', async () => {
    const r = await cli(['scan', '-f', 'json'], { stdin: '' });
    expect(r.code).toBe(2);
    expectFailureLines(r, ['-: stdin is empty: pipe an ad in, or name a file']);
    expect(expectValidJson('scan', r.stdout)).toMatchObject({
      documents: [],
      errors: [{ source: '-', message: 'stdin is empty: pipe an ad in, or name a file' }],
    });
  });
});

/** Spawns the built CLI with pipes, for what only a real process has: signals, closed pipes. */
function spawnCli(args: string[], stdinText?: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  if (stdinText !== undefined) child.stdin.end(stdinText);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, done, output: () => ({ stdout, stderr }) };
}

describe('pipes and signals (subprocess)', () => {
  it('stdin closed (<&-) reads as empty', () => {
    const sh = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" scan <&-`], { cwd: ROOT, encoding: 'utf8' });
    expect(sh.status).toBe(2);
    expect(sh.stderr).toBe('-: stdin is empty: pipe an ad in, or name a file\n');
  });

  it('`| head -c 100` ends quietly: no EPIPE trace, exit 0', () => {
    // A real shell pipe: a Node child's 'pipe' stdio is a socket whose buffer can swallow the
    // whole report, so it would never see the reader go away. 440 KB of JSON overflows a pipe.
    const err = join(tmp(), 'stderr.txt');
    const sh = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" scan fixtures/eval/ads -f json 2>"${err}" | head -c 100; echo " exit=\${PIPESTATUS[0]}"`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(sh.stdout).toMatch(/^\{\n {2}"schemaVersion": 1,[\s\S]{70,} exit=0\n$/);
    expect(readFileSync(err, 'utf8')).toBe('');
  });

  it('Ctrl-C while reading a slow stdin exits 130 and writes nothing on stdout', async () => {
    const { child, done, output } = spawnCli(['scan', '-f', 'json']);
    // A write larger than the pipe buffer completes only once the CLI is reading stdin: its
    // handlers are installed by then, so the signal cannot arrive too early.
    await new Promise<void>((resolve) => child.stdin.write(`Python and Go. ${'x'.repeat(1 << 20)}`, () => resolve()));
    child.kill('SIGINT');
    const { code } = await done;
    expect(code).toBe(130);
    expect(output().stdout).toBe('');
  });
});

describe('bad input (in-process only)', () => {
  it('reads a folder of junk next to one real ad and still reports that ad in full', async () => {
    const dir = tmp();
    copyFileSync(join(ROOT, PY), join(dir, 'python-backend.md'));
    copyFileSync(join(ROOT, IN, 'random.bin'), join(dir, 'junk.txt'));
    copyFileSync(join(ROOT, IN, 'nul-bytes.txt'), join(dir, 'nul.md'));
    copyFileSync(join(ROOT, IN, 'image.png'), join(dir, 'logo.png')); // not a text extension: not even tried
    copyFileSync(join(ROOT, IN, 'image.png'), join(dir, 'photo.md')); // a text extension, image content
    copyFileSync(join(ROOT, IN, 'corrupt.pdf'), join(dir, 'broken.pdf'));
    copyFileSync(join(ROOT, IN, 'corrupt.docx'), join(dir, 'broken.docx'));
    writeFileSync(join(dir, 'empty.txt'), '');
    mkdirSync(join(dir, 'nested'));
    symlinkSync('..', join(dir, 'nested', 'loop'));
    for (const [mode, cli] of RUNNERS) {
      const alone = expectValidJson('scan', (await cli(['scan', 'python-backend.md', '-f', 'json'], { cwd: dir })).stdout);
      const r = await cli(['scan', '.', '-f', 'json'], { cwd: dir });
      expect(r.code, mode).toBe(2);
      const out = expectValidJson('scan', r.stdout);
      expect(out.documents).toEqual(alone.documents.map((d: any) => ({ ...d, source: 'python-backend.md' })));
      expect(out.documents[0].skills.length).toBeGreaterThan(15);
      expect(out.errors.map((e: any) => e.source)).toEqual(['broken.docx', 'broken.pdf', 'empty.txt', 'junk.txt', 'nul.md', 'photo.md']);
      expectFailureLines(
        r,
        out.errors.map((e: any) => `${e.source}: ${e.message}`),
      );
    }
  });

  it('does not read the inputs when the taxonomy is bad', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.yaml'), 'name: [unclosed\n');
    let read = false;
    const stdin = Object.assign(
      (async function* () {
        read = true;
        yield Buffer.from('Python');
      })(),
      { isTTY: false },
    );
    let stderr = '';
    const { run } = await import('../src/cli/program.js');
    const code = await run(['scan', '-t', join(dir, 'bad.yaml'), '-'], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      stdin,
      env: {},
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^${join(dir, 'bad.yaml')}:\\d+:\\d+: `));
    expect(read).toBe(false);
  });
});
