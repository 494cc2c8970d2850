import { describe, expect, it } from 'vitest';
import { RUNNERS } from './helpers/cli.js';

describe.each(RUNNERS)('scan shows requirement levels and years (%s)', (_mode, cli) => {
  it('in JSON and in the table', async () => {
    const r = await cli(['scan', 'fixtures/compare/ad-java.txt', '-f', 'json']);
    const skills = JSON.parse(r.stdout).documents[0].skills.filter((s: any) => !s.implied);
    expect(skills.map((s: any) => [s.id, s.level, s.years])).toEqual(
      expect.arrayContaining([
        ['java', 'required', 4],
        ['kotlin', 'preferred', undefined],
        ['kubernetes', 'preferred', undefined],
        ['docker', 'required', undefined],
      ]),
    );
    const table = await cli(['scan', 'fixtures/compare/ad-java.txt', '--no-color']);
    expect(table.stdout).toMatch(/Kotlin 9:3 \[preferred\]/);
    expect(table.stdout).toMatch(/Kubernetes 6:11 \[preferred\]/);
  });
});
