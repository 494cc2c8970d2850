import { describe, expect, it } from 'vitest';
import { miniScanner, namedIn } from './helpers/mini.js';

describe('matcher', () => {
  it('keeps technology tokens whole', () => {
    expect(namedIn('C/C++ and C# on .NET Core')).toEqual(['c', 'cpp', 'csharp', 'dotnet']);
    expect(namedIn('NodeJS, Node.js, node js')).toEqual(['nodejs']);
  });

  it('matches multi-word aliases, longest first', () => {
    const doc = miniScanner.scanText('Spring Boot and Ruby on Rails, SQL Server and MS SQL, plain SQL too');
    const named = Object.fromEntries(doc.skills.filter((s) => !s.implied).map((s) => [s.id, s.matches.map((m) => m.text)]));
    expect(named).toEqual({ 'spring-boot': ['Spring Boot'], 'ruby-on-rails': ['Ruby on Rails'], 'sql-server': ['SQL Server', 'MS SQL'], sql: ['SQL'] });
  });

  it('does not join alias words across a sentence or a line break', () => {
    expect(namedIn('We use Spring. Boot camp follows.')).toEqual([]);
    expect(namedIn('SQL\nServer rooms')).toEqual(['sql']);
  });

  it('reports implied skills as implied, never as text matches', () => {
    const doc = miniScanner.scanText('We build with Django and Spring Boot.');
    const python = doc.skills.find((s) => s.id === 'python')!;
    expect(python).toMatchObject({ implied: true, count: 0, matches: [], impliedBy: ['django'] });
    expect(doc.skills.find((s) => s.id === 'java')).toMatchObject({ implied: true, impliedBy: ['spring-boot'] });
  });

  it('matches versions attached to names, leaving the version out of the match', () => {
    const doc = miniScanner.scanText('Python3.11, Java17 and C++17');
    expect(doc.skills.flatMap((s) => s.matches.map((m) => m.text)).sort()).toEqual(['C++', 'Java', 'Python']);
  });

  it('takes a "+" after a version with the version ("or later"), and leaves C++ as it is', () => {
    const doc = miniScanner.scanText('Python3+, Java 8+ and C++ or C++17+');
    expect(doc.skills.flatMap((s) => s.matches.map((m) => m.text)).sort()).toEqual(['C++', 'C++', 'Java', 'Python']);
  });

  it('splits glued words only at a known skill boundary', () => {
    expect(namedIn('PythonDjango AWSExperience SQLMust')).toEqual(['django', 'python', 'sql']);
    expect(namedIn('GoDaddy hosting')).toEqual([]);
    expect(namedIn('Familiarity with Postgresand Django, Pythonor Java')).toEqual(['django', 'java', 'postgresql', 'python']);
    expect(namedIn('Ampersand and the Gondor')).toEqual([]);
  });

  it('splits slash and hyphen lists', () => {
    expect(namedIn('Java/Python/Go stack, Java-based services')).toEqual(['go', 'java', 'python']);
  });

  it('finds skills named inside the phrase of a nested skill', () => {
    expect(namedIn('We design REST APIs.')).toEqual(['api-design', 'rest']);
    expect(namedIn('We design Python APIs.')).toEqual(['api-design', 'python']);
    expect(namedIn('Spring Boot services')).toEqual(['spring-boot']); // not nested: no Spring inside
  });

  it('stems concept words: cache, cached, caching', () => {
    const doc = miniScanner.scanText('caching layer, cached data, a cache; unrelated: cachet');
    expect(doc.skills.find((s) => s.id === 'caching')!.matches.map((m) => m.text)).toEqual(['caching', 'cached', 'cache']);
  });

  it('applies case, unless and context rules of ambiguous aliases', () => {
    expect(namedIn('We write Go and Python.')).toEqual(['go', 'python']);
    expect(namedIn('Go beyond what is asked.')).toEqual([]);
    expect(namedIn('A go-getter who knows Python.')).toEqual(['python']);
    expect(namedIn('Experience with Go')).toEqual(['go']);
    expect(namedIn('Go developer wanted')).toEqual(['go']);
    expect(namedIn('go and python')).toEqual(['python']); // exact case: "go" is a verb
    expect(namedIn('A grade C licence and Python')).toEqual(['python']);
    expect(namedIn('Starting in Spring 2025 with Java')).toEqual(['java']);
    expect(namedIn('Ruby will be your manager.')).toEqual([]);
  });

  it('reads unless phrases as whole words, with * for a prefix', () => {
    expect(namedIn('Go tooling and Python')).toEqual(['go', 'python']); // "go to" is not "Go tooling"
    expect(namedIn('We go to market with Python')).toEqual(['python']);
    expect(namedIn('From Spring 2027: Java work')).toEqual(['java']); // "spring 20*"
  });

  it('does not read a letter with a number as a versioned name', () => {
    expect(namedIn('English (C1) and Python, R2 budget')).toEqual(['python']);
  });

  it('spreads context along a list: Go, Ruby and Python', () => {
    expect(namedIn('Languages: Go, Ruby, C and Python')).toEqual(['c', 'go', 'python', 'ruby']);
  });

  it('needs context in the same paragraph', () => {
    expect(namedIn('Python shop.\n\nGo for it!')).toEqual(['python']);
    expect(namedIn('- Python\n- Go\n- Ruby')).toEqual(['go', 'python', 'ruby']);
  });

  it('ignores markup-like noise and non-Latin scripts around names', () => {
    expect(namedIn('Pythonの経験 (3年以上) と PostgreSQL')).toEqual(['postgresql', 'python']);
    expect(namedIn('«Python» — “Django”… •Postgres•')).toEqual(['django', 'postgresql', 'python']);
    expect(namedIn('Ｐｙｔｈｏｎ and Ｃ＃')).toEqual(['csharp', 'python']);
  });
});
