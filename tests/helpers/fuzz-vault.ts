/**
 * Random vaults for the fuzz suite (tests/unit/fuzz-vault.test.ts, tests/build/fuzz-build.test.ts):
 * notes with random names, frontmatter, links, tags and bodies, built from the pieces authors and
 * attackers write. Every hostile value carries the marker HOSTILE, so a test can look for any element
 * or attribute of the output that came from an author's markup.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** The seed of every fuzz run: a failure is reproduced by running the suite again. */
export const FUZZ_SEED = 20261130;

/** What a successful injection would leave in a page: an element or attribute with this name. */
export const HOSTILE = 'fuzzpwn';

const MARKUP = [
  `<img src=x onerror=${HOSTILE}()>`,
  `<${HOSTILE}>`,
  `"><svg onload=${HOSTILE}()>`,
  `<meta http-equiv="refresh" content="0;url=https://${HOSTILE}.example/">`,
  `<script>${HOSTILE}()</script>`,
  `javascript:${HOSTILE}()`,
  `</title><${HOSTILE}>`,
  `'><a href=javascript:${HOSTILE}()>x</a>`,
  `{{${HOSTILE}}}`,
  `\${${HOSTILE}}`,
  `<!--`,
  `]]>`,
];

const WORDS = ['Khrushchev', 'thaw', 'Virgin Lands', 'Café', 'Cafe\u0301', 'КГБ', '1962', 'a', 'Note', 'index', 'rss.xml'];
const ODD = [
  ' ',
  '.',
  '..',
  '-',
  '_',
  '#',
  '^',
  '[',
  ']',
  '|',
  '%',
  '%2e',
  '?',
  '&',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '~',
  '!',
  '(',
  ')',
  '\t',
  '\u200b',
  '\u0000',
  '\r',
];

const word = fc.constantFrom(...WORDS);
const piece = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** A short author text: words, odd characters and markup. */
export const authorText = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));

/** A file or folder name a file system accepts (no `/`, no NUL, under 255 bytes). */
const nameSegment = fc
  .oneof(authorText, fc.constantFrom('x'.repeat(240), 'é'.repeat(120), 'Ab'))
  .map((name) => name.replace(/[/\0]/g, '').slice(0, 120) || 'n');

export const vaultFileName = fc
  .tuple(fc.array(nameSegment, { maxLength: 2 }), nameSegment, fc.constantFrom('.md', '.md', '.md', '.MD'))
  .map(([folders, name, ext]) => [...folders, `${name.replace(/^\.+/, '')}${ext}`].join('/'))
  .filter((path) => !path.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules'));

/** A value any property may hold, from YAML's point of view. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: authorText },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      true,
      false,
      null,
      0,
      1962,
      -1,
      1.5,
      '',
      '1962-02-30',
      '1962-10-24',
      '1953',
      '1894~',
      '/a/',
      '//x',
      '/../',
      'https://example.org/',
    ),
  },
  { weight: 1, arbitrary: fc.array(authorText, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom('date', 'title', 'detail', 'q', 'a', 'start', 'end'), authorText, { maxKeys: 3 }),
  },
);

const KEYS = [
  'title',
  'type',
  'tags',
  'aliases',
  'permalink',
  'dg-permalink',
  'dg-path',
  'description',
  'created',
  'updated',
  'dg-hide',
  'dg-home',
  'lang',
  'cssclasses',
  'term',
  'definition',
  'takeaways',
  'faq',
  'events',
  'eras',
  'order',
  'related',
  'dg-note-properties',
  'publish',
];
const TYPES = ['note', 'brief', 'quiz', 'timeline', 'term', 'course', 'breif', 'anatomy'];

const property: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), anyValue),
  fc.tuple(fc.constant('type'), fc.constantFrom(...TYPES)),
  fc.tuple(
    fc.constantFrom('permalink', 'aliases'),
    fc.array(authorText, { maxLength: 2 }).map((parts) => `/${parts.join('/')}/`),
  ),
  fc.tuple(fc.constant('tags'), fc.array(authorText, { maxLength: 3 })),
);

/** Frontmatter, mostly published, as YAML (sometimes raw, sometimes broken). */
const frontmatter = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.array(property, { maxLength: 5 }), fc.constantFrom(true, true, true, 'yes', false))
      .map(([props, publish]) => stringify({ 'dg-publish': publish, ...Object.fromEntries(props) })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'dg-publish: true\ntitle: [unclosed\n',
      'dg-publish: true\na: &a [x]\nb: [*a, *a]\n',
      '{"dg-publish":true,"tags":null}\n',
      'dg-publish: true\n\ttitle: tab\n',
      'dg-publish: true\r\ntitle: crlf\r\n',
    ),
  },
);

/** A link target: another note of the vault, or something odd. */
const linkTarget = (names: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...(names.length > 0 ? names : ['Missing'])),
    authorText,
    fc.constantFrom(
      '../../../etc/passwd',
      '/etc/passwd',
      'image.png',
      'file.pdf',
      'evil.svg',
      '#Heading',
      '#^block',
      'Note#^',
      '',
      '%2e%2e/x',
    ),
  );

const bodyPiece = (names: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: authorText },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('[[', '![['), linkTarget(names), fc.option(authorText))
        .map(([open, target, label]) => `${open}${target}${label === null ? '' : `|${label}`}]]`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('[', '!['), authorText, linkTarget(names))
        .map(([open, text, target]) => `${open}${text}](${target})`),
    },
    { weight: 1, arbitrary: authorText.map((text) => `#${text.replace(/\s/g, '')}`) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('#', '##', '######'), authorText).map(([hashes, text]) => `\n${hashes} ${text}\n`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('note', 'warning', 'x" onclick="y', '<b>'), authorText)
        .map(([kind, text]) => `\n> [!${kind}] ${text}\n> ${text}\n`),
    },
    { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '$x^2$',
        '$$\\href{javascript:alert(1)}{x}$$',
        '```mermaid\ngraph TD; A-->B\n```',
        '```js\n<script>\n```',
        '%%hidden%%',
        '==mark==',
        ' ^block-id',
        '\n- [ ] task\n',
        '\n| a | b |\n|---|---|\n| <x> | y |\n',
        '<div data-preview-title="x" id="main">y</div>',
        '[x](javascript:alert(1))',
        '<a href="data:text/html,x">d</a>',
      ),
    },
  );

const body = (names: readonly string[]) =>
  fc
    .array(fc.tuple(bodyPiece(names), fc.constantFrom(' ', '\n', '\n\n')), { maxLength: 8 })
    .map((pieces) => pieces.map(([text, gap]) => text + gap).join(''));

export interface FuzzNote {
  path: string;
  text: string;
}

/** A vault of one to five notes whose bodies link each other (and elsewhere). */
export const fuzzVault: fc.Arbitrary<FuzzNote[]> = fc
  .uniqueArray(vaultFileName, { minLength: 1, maxLength: 5 })
  .chain((paths) => {
    const names = paths.map((path) => path.replace(/\.md$/i, '').split('/').pop() ?? path);
    return fc.tuple(...paths.map(() => fc.tuple(frontmatter, body(names), fc.boolean()))).map((parts) =>
      parts.map(([yaml, text, crlf], index) => {
        const note = `---\n${yaml}---\n${text}\n`;
        return { path: paths[index] as string, text: crlf ? note.replace(/\n/g, '\r\n') : note };
      }),
    );
  });
