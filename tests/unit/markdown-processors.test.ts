/**
 * The two Markdown processors (unified with the remark/rehype adapters, Sätteri with its own) give
 * the same HTML and the same headings for every note of every fixture vault, the default site, and
 * a vault of Markdown corner cases — rendered as the vault loader renders them, without a build.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { vaultPath, type VaultPath } from '../../src/lib/util/types.ts';
import { listVaultFiles } from '../../src/lib/vault/files.ts';
import type { ScanParser } from '../../src/lib/vault/read.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { setSanitizeEveryNote } from '../../src/markdown/rehype-safe-html.ts';
import { PROJECT_ROOT } from '../helpers/build.ts';
import { createRenderer, loadRenderableVault, loadRenderableFiles, type RenderableNote } from '../helpers/markdown-render.ts';

/**
 * Astro's own image marker (added after every site plugin) writes its JSON in another key order and
 * entity style under each processor; Astro decodes it and swaps in the optimised image either way.
 * Compared as the JSON it means, and nothing else is normalised.
 */
function canonicalImageMarkers(html: string): string {
  return html.replace(/__ASTRO_IMAGE_="([^"]+)"/g, (_, value: string) => {
    const json = JSON.parse(value.replace(/&(?:#x22|quot);/g, '"').replace(/&(?:amp|#x26|#38);/g, '&')) as Record<
      string,
      unknown
    >;
    const sorted = Object.fromEntries(Object.entries(json).sort(([a], [b]) => a.localeCompare(b)));
    return `__ASTRO_IMAGE_=${JSON.stringify(JSON.stringify(sorted))}`;
  });
}

// Every fixture vault (the folders named vault-…; others hold files such as schemas) and the site's own.
const VAULTS = [
  ...readdirSync(join(PROJECT_ROOT, 'tests/fixtures'))
    .filter((name) => name.startsWith('vault-'))
    .map((name) => `tests/fixtures/${name}`),
  'content',
];

/** Corner cases of every feature, for both renderers at once. */
const CORNER_CASES: Record<string, string> = {
  'Corner/Term.md':
    '---\ndg-publish: true\ntype: term\ntitle: Politburo\ndefinition: The top body.\naliases: [Presidium]\n---\nThe term.\n',
  'Corner/Other.md':
    '---\ndg-publish: true\ntitle: Other\ndescription: It\'s another "note" & more > less.\n---\n# Top\n\n## Section & <more>\n\nOther body with ==mark== and #tag.\n',
  'Corner/Syntax.md': [
    '---',
    'dg-publish: true',
    'title: Syntax',
    '---',
    '# Heading with [[Other]] and `code` & <b>html</b>',
    '',
    "The Politburo met; the presidium too. \"Quotes\" -- dashes --- and ---- ellipses... 'single' it's \"nested 'quotes'\" a--b 1--2 -- \"**bold**\" ('x') 5'10\" `a--b` [x--y](https://example.org/a--b) <tag> a > b",
    '',
    '## Heading with [[Other#Section & <more>|label]] and ==mark==',
    '',
    'Links: [[Other]], [[Other|text]], [[Other#Top]], [[#Heading with Other and code & html]], [md](Other.md), [web](https://example.org), [[Missing]].',
    '',
    'Tags: #one #two/three (#four) not#five #1962 `#code` [#inlink](https://example.org) **#strong**',
    '',
    'Marks: ==one== and ==two **bold** three== and =r=red== and == not == and ==.',
    '',
    '> [!note]',
    '> Untitled body with #tag.',
    '',
    '> [!warning]- Folded *title*',
    '> Body line',
    '>',
    '> > [!tip] Nested',
    '> > inner',
    '',
    '> [!FAQ]+ Open',
    '',
    '> plain quote',
    '',
    '> [!unknown] Custom type',
    '> text',
    '',
    '| Left | Right | Centre |',
    '|:-----|------:|:------:|',
    '| [[Other\\|piped]] | ==m== | #tag |',
    '',
    '- [ ] open task',
    '- [x] done task',
    '  1. nested',
    '',
    'A note[^a] and another[^b].',
    '',
    '[^a]: First **note**.',
    '[^b]: Second.',
    '',
    '```js title="x.js"',
    'const a = "<b>";',
    '```',
    '',
    '```',
    'no language %%x%%',
    '```',
    '',
    '    indented code',
    '',
    '```mermaid',
    'flowchart TD',
    '  A["Other"] --> B{Term & <b>"x"</b>}',
    '  C:::internal-link --> Missing',
    '  class A,B,Missing internal-link;',
    '```',
    '',
    '> ```mermaid',
    '> graph LR',
    '> Other --> Other',
    '> ```',
    '',
    '```diff',
    '+ added',
    '- removed',
    '```',
    '',
    '```not-a-language',
    'x < y',
    '```',
    '',
    '<details><summary>Raw</summary>inside <em>raw</em> <script>x()</script></details>',
    '',
    'Inline <span onclick="x()">span</span> and <kbd>Ctrl</kbd>.',
    '',
    '![[Other]]',
    '',
    '![[Other#Section & <more>]]',
    '',
    '- ![[Other]]',
    '',
    '![alt text](https://example.org/a.png "title")',
    '',
    '~~strike~~ and autolink https://example.org and <https://example.org/x>.',
    '',
    '***',
    '',
    'Hard  ',
    'break and soft',
    'break.',
  ].join('\n'),
  'Corner/Blocks.md': [
    '---',
    'dg-publish: true',
    'title: Blocks',
    '---',
    'A paragraph with a block id. ^para',
    '',
    'Lazy line',
    '^lazy',
    '',
    '- item one ^item',
    '- item [[Other]] two ^item-two',
    '',
    '> quote line',
    '> last line ^quote',
    '',
    '> [!tip] Callout',
    '> body',
    '',
    '^callout',
    '',
    '| a | b |',
    '| - | - |',
    '| 1 | 2 |',
    '^table',
    '',
    'Not a marker: x^2 and ^ alone and a^b.',
    '',
    'Links: [[Blocks#^para]], [[#^item]], [[Other]].',
    '',
    '![[#^quote]]',
    '',
    '![[#^item-two]]',
  ].join('\n'),
  'Corner/Math.md': [
    '---',
    'dg-publish: true',
    'title: Math',
    '---',
    '## Area $\\pi r^2$ & more',
    '',
    'Inline $a < b \\& c$, $\\sqrt{2}$, $\\xrightarrow{abc}$ and $$x = 1$$ in a line; prices $5 and $10; escaped \\$x\\$; `$code$`.',
    '',
    '$$',
    '\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}',
    '$$',
    '',
    '```math',
    'E = mc^2',
    '```',
    '',
    '| Formula | Text |',
    '|---|---|',
    '| $x^2$ | ==mark== $y$ |',
    '',
    '> [!note] Title with $z$',
    '> $$',
    '> \\frac{1}{2}',
    '> $$',
    '',
    '- item $n!$ and [link $q$](https://example.org)',
    '',
    'Bad $\\frac{1}{$ and $\\href{javascript:alert(1)}{x}$ and $\\url{javascript:x}$ and <code class="language-math">\\alpha</code>.',
    '',
    '![[Other]]',
    '',
    '$$',
    'unclosed',
  ].join('\n'),
  'Corner/Media.md': [
    '---',
    'dg-publish: true',
    'title: Media',
    '---',
    'Raw players are cut: <video src="/_media/a.mp4" controls></video> <iframe src="/_media/a.pdf"></iframe> <audio src="x.ogg"></audio>',
    '',
    'Forged links stay links: <a class="media-embed" href="javascript:alert(1)">js</a> <a class="media-embed" href="/_media/../x.pdf">up</a> <a class="media-embed" href="https://example.org/a.mp4">web</a>',
    '',
    'Missing files: ![[gone.mp4]] ![[gone.pdf#page=2]] [[gone.ogg|text]] and ![web](https://example.org/a.png)',
  ].join('\n'),
  'Corner/Math embed.md': '---\ndg-publish: true\ntitle: Math embed\n---\n![[Math]]\n\n![[Math#Area pi r^2 & more]]\n',
  'Corner/Images.md': [
    '---',
    'dg-publish: true',
    'title: Images',
    '---',
    '## Pictures',
    '',
    'Beside: ![the map](map.png "The map") ![sp](my%20map.png) ![angle](<my map.png>) ![by name](deep.png) ![root](Corner/map.png)',
    '',
    'Files: ![a paper](paper.pdf#page=2) ![](clip.mp4) [the paper](paper.pdf) [by ref][doc] ![a note](Other.md)',
    '',
    'Not published: ![out](../../outside/secret.png) ![gone](gone.png) [gone](gone.pdf) ![ref][out]',
    '',
    'In links: [![inner](map.png)](gone.pdf) [![inner ref][map]][doc] [![out](../../x.png)](https://example.org) [![web](https://example.org/a.png)](Other.md)',
    '',
    '[doc]: paper.pdf "The paper"',
    '[map]: map.png',
    '[out]: ../../outside/secret.png',
  ].join('\n'),
  'Pictures/Embedder.md': '---\ndg-publish: true\ntitle: Embedder\n---\n![[Images#Pictures]]\n\n![[map.png|300]]\n',
};

/** The files beside the corner cases (they need not exist to be rendered). */
const CORNER_ATTACHMENTS = ['Corner/map.png', 'Corner/my map.png', 'Corner/paper.pdf', 'Corner/clip.mp4', 'Deep/img/deep.png'];

async function renderBoth(notes: RenderableNote[], unified: MarkdownRenderer, satteri: MarkdownRenderer) {
  const results = [];
  for (const note of notes) {
    const [expected, actual] = [
      await unified.render(note.markdown, { fileURL: note.fileURL }),
      await satteri.render(note.markdown, { fileURL: note.fileURL }),
    ];
    results.push({ note, expected, actual });
  }
  return results;
}

describe('unified and Sätteri render the same HTML', () => {
  let unified: MarkdownRenderer;
  let satteri: MarkdownRenderer;
  beforeAll(async () => {
    [unified, satteri] = await Promise.all([createRenderer('unified'), createRenderer('satteri')]);
  });

  it.each(VAULTS)('every note of %s', async (vault) => {
    const notes = await loadRenderableVault(join(PROJECT_ROOT, vault));
    expect(notes.length).toBeGreaterThan(0);
    for (const { note, expected, actual } of await renderBoth(notes, unified, satteri)) {
      expect(canonicalImageMarkers(actual.code), note.vaultPath).toBe(canonicalImageMarkers(expected.code));
      expect(actual.metadata.headings, note.vaultPath).toEqual(expected.metadata.headings);
      expect(actual.metadata.localImagePaths, note.vaultPath).toEqual(expected.metadata.localImagePaths);
    }
  });

  it('citations in every form, against the vault’s .bib and .csl.json files', async () => {
    const notes = await loadRenderableVault(join(PROJECT_ROOT, 'tests/fixtures/vault-citations'));
    const brief = notes.filter((note) => note.vaultPath === 'Cold War/Cited Brief.md');
    const [rendered] = await renderBoth(brief, unified, satteri);
    if (!rendered) throw new Error('Cited Brief.md was not rendered');
    const { expected, actual } = rendered;
    expect(actual.code).toBe(expected.code);
    // Each work of each group links to its reference; embedded text cites the embedded note's, on its page.
    expect(
      [...expected.code.matchAll(/<a href="([^"]*)" class="citation">([^<]*)</g)].map((match) => `${match[1]} ${match[2]}`),
    ).toEqual([
      '#ref-taubman2003 Taubman 2003',
      '#ref-taubman2003 Taubman 2003, 250',
      '#ref-zubok2007 Zubok 2007, 12',
      '#ref-fursenkonaftali1997 see Fursenko and Naftali 1997, 3–5',
      '#ref-taubman2003 Taubman 2003',
      '#ref-gaddis2005 Gaddis 2005',
      '#ref-gaddis2005 2005',
      '#ref-kramer1996 Kramer 1996, chap. 2, emphasis added',
      '#ref-zubok2007 see Zubok 2007, 45',
      '/cold-war/embedded-source/#ref-kramer1996 Kramer 1996, 112',
    ]);
    expect(expected.code).toContain('<code>[@taubman2003]</code>');
    expect(expected.code).toContain('[@zubok2007] in code');
  });

  it('every corner case of the site’s Markdown', async () => {
    const files = Object.entries(CORNER_CASES).map(([path, text]) => ({ path: vaultPath(path), text }));
    const notes = loadRenderableFiles(join(PROJECT_ROOT, 'tests/.tmp/corner-cases'), files, CORNER_ATTACHMENTS);
    const images = new Map<string, unknown>();
    for (const { note, expected, actual } of await renderBoth(notes, unified, satteri)) {
      expect(canonicalImageMarkers(actual.code), note.vaultPath).toBe(canonicalImageMarkers(expected.code));
      expect(actual.metadata.headings, note.vaultPath).toEqual(expected.metadata.headings);
      expect(actual.metadata.localImagePaths, note.vaultPath).toEqual(expected.metadata.localImagePaths);
      images.set(note.vaultPath, expected.metadata.localImagePaths);
    }
    // Astro's image pipeline gets files of the vault only, each relative to the page that shows it.
    expect(images.get('Corner/Images.md')).toEqual(['./map.png', './my map.png', '../Deep/img/deep.png']);
    expect(images.get('Pictures/Embedder.md')).toEqual(['../Corner/map.png', '../Corner/my map.png', '../Deep/img/deep.png']);
  });
});

/** A vault loaded (read, scanned, checked) with the scan on one parser: notes, problems and warnings as data. */
function loadedWith(files: readonly { path: VaultPath; text: string }[], attachments: readonly string[], parser: ScanParser) {
  const vault = loadVault(files, { attachments, brokenLinks: 'warn', scanParser: parser });
  return { notes: vault.notes.map(({ note }) => note), problems: vault.problems, warnings: vault.warnings };
}

describe('the load-time scan reads every note the same with micromark and Sätteri', () => {
  it.each(VAULTS)('every note of %s', async (vault) => {
    const root = join(PROJECT_ROOT, vault);
    const { notes: paths, attachments } = listVaultFiles(root);
    const files = await Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })));
    const micromark = loadedWith(files, attachments, 'micromark');
    expect(micromark.notes.length).toBeGreaterThan(0);
    expect(loadedWith(files, attachments, 'satteri')).toEqual(micromark);
  });

  it('every corner case of the site’s Markdown', () => {
    const files = Object.entries(CORNER_CASES).map(([path, text]) => ({ path: vaultPath(path), text }));
    const micromark = loadedWith(files, CORNER_ATTACHMENTS, 'micromark');
    expect(micromark.notes.some((note) => note.links.length > 0)).toBe(true);
    expect(loadedWith(files, CORNER_ATTACHMENTS, 'satteri')).toEqual(micromark);
  });
});

describe('a note that skips sanitizing renders as sanitizing would render it', () => {
  afterAll(() => setSanitizeEveryNote(false));

  it.each(VAULTS)('every note of %s, under both processors', async (vault) => {
    const notes = await loadRenderableVault(join(PROJECT_ROOT, vault));
    for (const name of ['unified', 'satteri'] as const) {
      const renderer = await createRenderer(name);
      const render = async (every: boolean) => {
        setSanitizeEveryNote(every);
        const codes: string[] = [];
        for (const note of notes) codes.push((await renderer.render(note.markdown, { fileURL: note.fileURL })).code);
        return codes;
      };
      const skipping = await render(false);
      const everyNote = await render(true);
      notes.forEach((note, index) => expect(skipping[index], `${name}: ${note.vaultPath}`).toBe(everyNote[index]));
    }
  });
});
