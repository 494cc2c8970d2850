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
    // a lead-in line gives its figure to the list under it
    ['At least 5 years of experience with:\n\n- Kafka\n- Terraform\n\nBenefits: AWS credits', { kafka: 5, terraform: 5 }],
    ['5+ years backend experience, specifically:\n* NodeJS\n* Express\n\nWe also use Redis.', { nodejs: 5, express: 5 }],
    // a bracket of skills after the skill or the words after the figure shares it; a remark does not
    ['3+ years of experience of AWS (EC2, S3, Elastic File System, Lambda, RDS)', { aws: 3, ec2: 3, s3: 3, 'aws-lambda': 3, rds: 3 }],
    ['5+ years experience with Python web server frameworks (Django or Flask)', { python: 5, django: 5, flask: 5 }],
    ['At least 2 years with Symfony (Laravel experience is also welcome)', { symfony: 2 }],
    // the tool a skill is practised with; comma lists with items that are no skill
    ['At least 5 years of design and development ETL using Informatica', { etl: 5, informatica: 5 }],
    ['3+ years of experience with DevOps, Git/Stash, Jira, Jenkins', { devops: 3, git: 3, jira: 3, jenkins: 3 }],
    ['At least 2+ years of SQL experience, preferably with PostgreSQL', { sql: 2 }],
    // a later figure in the same sentence is its own; a flattened ad's bullets end a clause
    ['At least 5+ years of professional experience and at least 3+ years in-depth experience with Node.js', { nodejs: 3 }],
    [
      '2+ years commercial coding experience with Java -Strong fundamentals in algorithms and more text to make this line long enough to be read as a flattened ad with many words in it, far more than any ordinary line holds, and still more words after that, then some more of them, and more until it is over three hundred characters',
      { java: 2 },
    ],
    ['three (3) years of Python experience; 5 or more years of Java', { python: 3, java: 5 }],
    // the examples of what the figure is about share it
    ["Minimum 1 year interfacing with messaging systems and ESB's such as MQ/JMS", { soa: 1, jms: 1 }],
    // a figure stated where the skill is required wins over one under a preferred heading
    ['Requirements:\n- 1 year of AWS\n\nPreferred qualifications:\n- 3+ years of AWS', { aws: 1 }],
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
