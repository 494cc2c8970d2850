import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../src/taxonomy/index.js';
import { Scanner } from '../src/pipeline/scanner.js';
import { findYears } from '../src/analyze/years.js';

const scanner = new Scanner(loadTaxonomy().compiled);

/** Years per skill id as the scanner reports them for `text` (built-in taxonomy). */
function yearsIn(text: string): Record<string, number> {
  return Object.fromEntries(
    scanner
      .scanText(text)
      .skills.filter((s) => s.years !== undefined)
      .map((s) => [s.id, s.years!]),
  );
}

describe('years of experience attach to skills', () => {
  const cases: [string, Record<string, number>][] = [
    ['- 5+ years of Python in production', { python: 5 }],
    ["- At least 3 years' experience with Java (we are on Java 17)", { java: 3 }],
    ['- Python (4 yrs)', { python: 4 }],
    ['* 3-5 years with Go in a production environment', { go: 3 }],
    ['- Python: 5 years', { python: 5 }],
    ['- 5 years of backend development', {}],
    ['- 5+ years of experience with Python and Django', { python: 5, django: 5 }],
    ['- 2+ years of hands-on experience with Node.js', { nodejs: 2 }],
    ['- Commercial experience with PHP 8 and Laravel (at least 2 years)', { php: 2, laravel: 2 }],
    ['- You have built and maintained Ruby on Rails applications for 5+ years', { rails: 5 }],
    ['- Strong Scala experience (3+ years), including functional programming', { scala: 3 }],
    ['- Hands-on experience with Docker and Kubernetes (at least 2 years)', { docker: 2, kubernetes: 2 }],
    ['- Apache Spark, at least 2 years', { 'apache-spark': 2 }],
    ['- PL/SQL (minimum 3 years)', { 'pl-sql': 3 }],
    ['- 4+ years of backend experience, at least 2 of them with Kotlin or Java', { kotlin: 2, java: 2 }],
    ['- 6+ years in software development, with 4+ years in C#/.NET', { csharp: 4, dotnet: 4 }],
    ['- 3+ years building web applications with React', { react: 3 }],
    ['- At least 3 years of Node.js & TypeScript in production', { nodejs: 3, typescript: 3 }],
    ['- 5 years of backend development, plus at least 2 years at staff level', {}],
    ['Experience: 2-4 years\nWe use Python and Django.', {}],
    ['DevOps Engineer | Gurugram | 3-6 Yrs', {}],
    ['A 15-year-old Java system. We pay €1,500/year for Python courses.', {}],
    ['- Mindestens 3 Jahre Berufserfahrung mit Java (idealerweise Java 17)', { java: 3 }],
    ["- Au moins 3 ans d'expérience en développement backend, dont 2 ans minimum avec Golang", { go: 2 }],
    ['* Al menos 3 años de experiencia con Node.js', { nodejs: 3 }],
    ['- Two years of Python', { python: 2 }],
    ['Python — 6 years, Go — 2 years', { python: 6, go: 2 }],
    ['- 2 years of Python. Kafka is a plus.', { python: 2 }],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(yearsIn(text)).toEqual(expected);
  });

  it('takes the largest figure when a skill gets several', () => {
    expect(yearsIn('- 2+ years of Python\n- Python (5 yrs) for data work')).toEqual({ python: 5 });
  });

  it('is pure: works from offsets alone', () => {
    const text = '3+ years of Foo and Bar';
    const foo = { start: text.indexOf('Foo'), end: text.indexOf('Foo') + 3 };
    const bar = { start: text.indexOf('Bar'), end: text.indexOf('Bar') + 3 };
    expect([...findYears(text, [bar, foo])]).toEqual([
      [1, 3],
      [0, 3],
    ]);
    expect(findYears(text, []).size).toBe(0);
  });
});
