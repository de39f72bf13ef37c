/**
 * A dead link — or a citation of a work no bibliography has, or a bibliography entry that cannot be read — fails
 * the build with file:line and a hint; with brokenLinks: warn, it is listed and rendered as text.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TMP, buildVault, readPage } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';

const FILE = 'tests/fixtures/vault-links-dead/A/Dead Links.md';
const BIB = 'tests/fixtures/vault-links-dead/A/works.bib';
const DEAD = [
  `${FILE}:7: [[Politbureau]] links to a note "Politbureau" that does not exist; did you mean [[Politburo]]?`,
  `${FILE}:9: [[Target#No Such Heading]] links to a heading "No Such Heading" that tests/fixtures/vault-links-dead/A/Target.md does not have`,
  `${FILE}:11: [[Same Name]] could mean tests/fixtures/vault-links-dead/A/Same Name.md or tests/fixtures/vault-links-dead/B/Same Name.md; write more of the path`,
  `${FILE}:13: ![[missing-map.png]] embeds a file "missing-map.png" that is not in the vault`,
  `${FILE}:15: [gone](Nowhere.md) links to a file "Nowhere.md" that is not in the vault`,
  `${FILE}:19: [@zubokk2007] cites "zubokk2007", which no bibliography of the vault (.bib, .csl.json) has; did you mean "zubok2007"?`,
  `${BIB}:8: this bibliography entry "broken" cannot be read: expected "text", got EOF`,
  `${BIB}:12: the citation key "zubok2007" is already used at ${BIB}:1; give one of them another key`,
];

describe('brokenLinks: error (the default)', () => {
  it('fails, listing every dead link with file:line in one run', async () => {
    const build = await buildVault({
      contentDir: 'tests/fixtures/vault-links-dead',
      outDir: join(TMP, 'dead-error'),
      env: { GARDEN_URL_LOCK: '' },
    });
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('The vault has 8 problems:');
    for (const line of DEAD) expect(build.output).toContain(line);
  });
});

describe('GARDEN_BROKEN_LINKS=warn', () => {
  it('builds, lists every dead link, and renders each as plain text', async () => {
    const build = await buildVault({
      contentDir: 'tests/fixtures/vault-links-dead',
      outDir: join(TMP, 'dead-warn'),
      env: { GARDEN_URL_LOCK: '', GARDEN_BROKEN_LINKS: 'warn' },
    });
    expect(build.code, build.output).toBe(0);
    for (const line of DEAD) expect(build.output).toContain(line);
    const prose = parsePage(readPage(build.outDir, '/a/dead-links/')).querySelector('.prose') as Element;
    expect(textOf(prose)).toContain('A missing note: Politbureau here.');
    expect(textOf(prose)).toContain('A broken Markdown link: gone here.');
    expect(textOf(prose)).toContain('An unknown work: [@zubokk2007] here.');
    expect(textOf(prose)).toContain('A known work: (Zubok 2007, 12) here.');
    expect([...prose.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '#real-heading',
      '/a/target/',
      '#ref-zubok2007',
    ]);
  });
});
