import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLevelRanges, levelLookup, preferredCue } from '../src/analyze/sections.js';

/** The level at the first occurrence of `word` in `text`. */
function levelOf(text: string, word: string): string {
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`${word} not in text`);
  return levelLookup(findLevelRanges(text))(at);
}

function levels(text: string, words: string[]): Record<string, string> {
  return Object.fromEntries(words.map((w) => [w, levelOf(text, w)]));
}

describe('section headings', () => {
  const styles: [string, string][] = [
    ['markdown ##', '## Requirements\n- Python\n\n## Nice to have\n- Kafka\n\n## What we offer\n- Oracle pension\n'],
    ['markdown ### under #', '# Backend dev\n### Must have\n- Python\n### Bonus points\n- Kafka\n### Benefits\n- Oracle pension\n'],
    ['ALL CAPS', 'REQUIREMENTS\n- Python\n\nNICE TO HAVE\n- Kafka\n\nWE OFFER\n- Oracle pension\n'],
    ['Label: line', 'Requirements:\n- Python\n\nNice to have:\n- Kafka\n\nBenefits:\n- Oracle pension\n'],
    ['bold line', '**What you bring**\n- Python\n\n**Preferred qualifications**\n- Kafka\n\n**Perks**\n- Oracle pension\n'],
    ['bold label with colon', '**You have:**\n- Python\n\n**Bonus:**\n- Kafka\n\n**Our offer:**\n- Oracle pension\n'],
    ['plain line alone', 'You have\n- Python\n\nGood to have\n- Kafka\n\nSalary and perks\n- Oracle pension\n'],
    [
      'HTML headings',
      '<h3>Your profile</h3>\n<ul>\n<li>Python</li>\n</ul>\n<h3>Nice to have</h3>\n<ul>\n<li>Kafka</li>\n</ul>\n<h3>What we offer</h3>\n<ul>\n<li>Oracle pension</li>\n</ul>\n',
    ],
    [
      'HTML bold paragraph',
      '<p><strong>Requirements</strong></p>\n<ul>\n<li>Python</li>\n</ul>\n<p><strong>Good to Have</strong></p>\n<ul>\n<li>Kafka</li>\n<li>Docker / Kubernetes</li>\n</ul>\n<p><strong>Benefits</strong></p>\n<p>Oracle pension</p>\n',
    ],
    ['scraped <br>', 'Requirements<br>\n- Python<br>\nNice To Have<br>\n- Kafka<br>\nPerks: Oracle pension<br>\n'],
    ['emoji heading', '## 🧰 What you bring\n- Python\n## ✨ Nice-to-haves\n- Kafka\n## 🎁 Benefits\n- Oracle pension\n'],
    ['CRLF', 'REQUIREMENTS\r\n- Python\r\n\r\nNICE TO HAVE\r\n- Kafka\r\n\r\nWE OFFER\r\n- Oracle pension\r\n'],
    ['German', '## Dein Profil\n- Python\n## Wünschenswert\n- Kafka\n## Wir bieten\n- Oracle pension\n'],
    ['German Von Vorteil', 'Das bringst du mit\n• Python\n\nVon Vorteil\n• Kafka\n\nWir bieten\n• Oracle pension\n'],
    ['German Pluspunkte', '## Anforderungen\n- Python\n## Pluspunkte\n- Kafka\n## Über uns\n- Oracle pension\n'],
    ['French', '## Profil recherché\n- Python\n## Les petits plus\n- Kafka\n## Avantages\n- Oracle pension\n'],
    ['French souhaité', '## Profil recherché\n- Python\n## Compétences souhaitées\n- Kafka\n## Avantages\n- Oracle pension\n'],
    ['Spanish', '## Requisitos\n* Python\n## Suman puntos\n* Kafka\n## Beneficios\n* Oracle pension\n'],
    ['Spanish deseable', '## Requisitos\n* Python\n## Deseable\n* Kafka\n## Beneficios\n* Oracle pension\n'],
    ['Spanish valorable', 'REQUISITOS\n* Python\n\nVALORABLE\n* Kafka\n\nOFRECEMOS\n* Oracle pension\n'],
    ['great-if heading', "## What you'll need\n- Python\n## It'd be great if you also have\n- Kafka\n## Perks\n- Oracle pension\n"],
    ['stand out', '## Requirements\n- Python\n## What would make you stand out\n- Kafka\n## Perks\n- Oracle pension\n'],
  ];
  it.each(styles)('%s: required, preferred, then required again', (_style, text) => {
    expect(levels(text, ['Python', 'Kafka', 'Oracle'])).toEqual({ Python: 'required', Kafka: 'preferred', Oracle: 'required' });
  });

  it('keeps a preferred section open over its sub-headings', () => {
    const text = '## Nice to have\n### Cloud\n- AWS\n### Data\n- Kafka\n## Benefits\n- Oracle pension\n';
    expect(levels(text, ['AWS', 'Kafka', 'Oracle'])).toEqual({ AWS: 'preferred', Kafka: 'preferred', Oracle: 'required' });
  });

  it('counts text outside any section as required, and an ad with no cue has no ranges', () => {
    expect(findLevelRanges('We use Go, Kafka and PostgreSQL.\n\n## Your tasks\n- Build APIs in Go\n')).toEqual([]);
  });

  it('does not take a title line that ends in "preferred" for a section', () => {
    const text = '**MERN Developer | Noida | 1-3 yrs | Immediate joiners preferred**\n\nWe use React and Node.js.\n';
    expect(levelOf(text, 'React')).toBe('required');
  });

  it('does not take "Desired Candidate Profile" (a requirements section) for nice to have', () => {
    expect(levelOf('Desired Candidate Profile\n- Node.js\n', 'Node')).toBe('required');
  });

  it('reads a cue label glued to the end of a scraped line', () => {
    const text = '* Understanding of REST and microservice architectureNice to have:<br/>\n* Kafka Streams<br/>\n';
    expect(levels(text, ['REST', 'Kafka'])).toEqual({ REST: 'required', Kafka: 'preferred' });
  });

  it('ends a preferred section at a known "Label: value" line', () => {
    const text = 'Preferred:<br>\n- Azure<br>\nKey Skills: AWS | Jenkins<br>\n';
    expect(levels(text, ['Azure', 'Jenkins'])).toEqual({ Azure: 'preferred', Jenkins: 'required' });
  });
});

describe('cue labels with a value', () => {
  it.each([
    ['**Nice to have:** React, some Hotwire, Heroku.\n\nWe use Python.', 'React'],
    ['- Wünschenswert: Erfahrung mit Kotlin oder Grafana\n- Python', 'Kotlin'],
    ['Bonus: Rust\nPython', 'Rust'],
    ['Preferred: Kafka experience\nPython', 'Kafka'],
    ['**Good to have:** Next.js, TypeScript, AWS.\nPython', 'AWS'],
    ['Deseable: experiencia con Kafka\nPython', 'Kafka'],
  ])('%j makes %s preferred and leaves Python required', (text, word) => {
    expect(levelOf(text, word)).toBe('preferred');
    expect(levelOf(text, 'Python')).toBe('required');
  });

  it('runs over continuation lines of the same item only', () => {
    const text = '- Nice to have: React and\n  Vue.js\n- Python\n';
    expect(levels(text, ['React', 'Vue', 'Python'])).toEqual({ React: 'preferred', Vue: 'preferred', Python: 'required' });
  });
});

describe('inline cues stay in their clause', () => {
  const cases: [string, string[], string[]][] = [
    ['- Experience with MongoDB; knowledge of MySQL is a plus', ['MySQL'], ['MongoDB']],
    ['- Experience with Docker; Kubernetes is a plus', ['Kubernetes'], ['Docker']],
    ['Experience with React is a plus. Knowledge of Elixir is also a plus (we test it). We use Ruby.', ['React', 'Elixir'], ['Ruby']],
    ['- At least 2 years with Symfony (Laravel experience is also welcome)', ['Laravel'], ['Symfony']],
    ['- Python and Go; ideally Terraform', ['Terraform'], ['Python', 'Go']],
    ['- AWS (ideally EKS) and Docker', ['EKS'], ['AWS', 'Docker']],
    ['Bonus points for Rust. We use Python.', ['Rust'], ['Python']],
    ['- Strong Python skills, experience with Kafka is a plus', ['Kafka'], ['Python']],
    ['- Go, Rust or Zig is a plus', ['Go', 'Rust', 'Zig'], []],
    ['- Cats Effect or ZIO is a plus', ['Cats', 'ZIO'], []],
    ['- Julia is a plus, as one of our groups uses it. Python daily.', ['Julia'], ['Python']],
    ['- Cloud experience (GCP preferred), Python', ['GCP'], ['Python']],
    ['- Kenntnisse in Go sind von Vorteil. Java ist Pflicht.', ['Go'], ['Java']],
    ['- Connaissance de Kafka serait un plus. Maîtrise de Java.', ['Kafka'], ['Java']],
    ["- Connaissance d'un cloud public (GCP de préférence), Java", ['GCP'], ['Java']],
    ['- Conocimientos de Redis deseables. Node.js obligatorio.', ['Redis'], ['Node']],
    ['- Se valorará experiencia con Kafka. Node.js obligatorio.', ['Kafka'], ['Node']],
    ['- Experience with Kafka would be an advantage; Java required', ['Kafka'], ['Java']],
    ['- Deep experience with Java or Go; ideally both', [], ['Java', 'Go']],
  ];
  it.each(cases)('%j', (text, preferred, required) => {
    for (const w of preferred) expect(levelOf(text, w), w).toBe('preferred');
    for (const w of required) expect(levelOf(text, w), w).toBe('required');
  });

  it('does not read "plus" as a cue in ordinary prose or in C++', () => {
    expect(findLevelRanges('25 days holiday plus bank holidays. We use C++ and Python plus Django.')).toEqual([]);
  });
});

describe('preferredCue', () => {
  it.each([
    'Nice to have',
    'Nice-to-haves:',
    'BONUS POINTS',
    'Preferred qualifications',
    'Good to Have',
    'Advantageous',
    'Wünschenswert',
    'Von Vorteil',
    'Les petits plus',
    'Suman puntos',
    'Deseable',
    'Bonus points if you have',
  ])('%s is a cue', (h) => {
    expect(preferredCue(h)).toBeDefined();
  });
  it.each([
    'Requirements',
    'What you bring',
    'You have',
    'Must have',
    'Desired Candidate Profile',
    'What we offer',
    'Avantages',
    'Immediate joiners preferred',
    'Plus size models',
  ])('%s is not', (h) => {
    expect(preferredCue(h)).toBeUndefined();
  });
});

describe('invariants', () => {
  it('ranges lie inside the text, and any text gives a level at every offset', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'B', ' ', '\n', '#', '-', ':', ',', '.', '(', ')', 'nice to have', 'is a plus', 'ideally ', 'NICE TO HAVE', '<h2>', '**'),
        }),
        (text) => {
          const ranges = findLevelRanges(text);
          for (const r of ranges) {
            expect(r.start).toBeGreaterThanOrEqual(0);
            expect(r.end).toBeLessThanOrEqual(text.length);
            expect(r.start).toBeLessThanOrEqual(r.end);
          }
          const at = levelLookup(ranges);
          for (let i = 0; i <= text.length; i++) expect(['required', 'preferred']).toContain(at(i));
        },
      ),
    );
  });
});

describe('mentions limit where inline cues are looked for', () => {
  const filler = 'We ship software every day and care about quality. '.repeat(200); // one 10 KB line
  const text = `${filler}Kafka is a plus. ${filler}Go is required.`;
  const kafka = text.indexOf('Kafka');
  const go = text.indexOf('Go is');

  it('finds the same cue on a very long line when given the mentions', () => {
    const all = levelLookup(findLevelRanges(text));
    const near = levelLookup(findLevelRanges(text, [kafka, go]));
    expect([all(kafka), all(go)]).toEqual(['preferred', 'required']);
    expect([near(kafka), near(go)]).toEqual(['preferred', 'required']);
  });

  it('skips inline cues on lines without a mention', () => {
    expect(findLevelRanges('Docker is a plus.\nPython', [18])).toEqual([]);
  });
});
