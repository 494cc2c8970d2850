import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/program.js';
import type { Io } from '../src/cli/io.js';
import { ROOT } from './helpers/cli.js';
import { expectValidJson } from './helpers/schema.js';

/** Runs `skillscan scan -f json` in-process with stdin delivered as the given chunks. */
async function scanChunks(chunks: (Uint8Array | string)[]): Promise<{ code: number; json: any; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(
    (async function* () {
      for (const chunk of chunks) yield chunk;
    })(),
    { isTTY: false },
  );
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, stdin, env: {}, cwd: ROOT };
  const code = await run(['scan', '-f', 'json'], io);
  return { code, json: stdout ? expectValidJson('scan', stdout) : undefined, stderr };
}

/** Cuts `bytes` at the given points (any positions: inside a UTF-8 character or a CRLF too). */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of [...at, bytes.length]) {
    chunks.push(bytes.subarray(from, p)); // empty chunks included: a stream may deliver those too
    from = p;
  }
  return chunks;
}

const encode = (text: string, encoding: 'utf8' | 'utf8-bom' | 'utf16le-bom'): Uint8Array => {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
};

// Multi-byte characters (2, 3 and 4 bytes in UTF-8, a surrogate pair in UTF-16) next to skills and
// line ends, so that random cuts land inside characters and between the \r and \n of a CRLF.
const text = fc
  .array(
    fc.constantFrom(
      'Python',
      'Go',
      'PostgreSQL',
      'C++',
      'Node.js',
      'Spring Boot',
      'Kubernetes',
      'é',
      '経験',
      '😀',
      '\u00a0',
      ' ',
      ', ',
      '\n',
      '\r\n',
      '\r',
      'x',
      '-',
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** (id, count, line.column of each match): what must not depend on chunking or line ends. */
const positions = (doc: any): string[] => doc.skills.map((s: any) => `${s.id}:${s.count}:${s.matches.map((m: any) => `${m.line}.${m.column}`).join(',')}`);

describe('stdin', () => {
  it('property: results do not depend on how the stream was chunked, nor on the line-ending style', async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom') as fc.Arbitrary<'utf8' | 'utf8-bom' | 'utf16le-bom'>,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        async (t, encoding, points, eol) => {
          const lf = t.replace(/\r\n|\r/g, '\n');
          const styled = lf.replace(/\n/g, eol);
          const whole = await scanChunks([encode(lf, 'utf8')]);
          const chunked = await scanChunks(cut(encode(styled, encoding), points));
          expect(chunked.code).toBe(whole.code);
          expect(chunked.stderr).toBe(whole.stderr);
          if (whole.json) expect(positions(chunked.json.documents[0])).toEqual(positions(whole.json.documents[0]));
        },
      ),
      { numRuns: 100 }, // each case is two whole CLI runs (a fresh Scanner each: ~10 ms)
    );
  }, 30_000);

  it('accepts string chunks as well as bytes', async () => {
    const r = await scanChunks(['We use Py', 'thon and Post', 'greSQL.\r', '\nGo too.']);
    expect(r.code).toBe(0);
    expect(positions(r.json.documents[0])).toEqual(['go:1:2.1', 'python:1:1.8', 'postgresql:1:1.19']);
  });
});
