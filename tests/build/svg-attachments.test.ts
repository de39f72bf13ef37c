/**
 * SVG files from the vault are published sanitized wherever they land — `_astro/` (embeds and
 * Markdown images) and `_media/` (links) — the site's own favicon is left alone, and the output
 * carries a `_headers` file. An SVG that cannot be parsed fails the build with its vault file and line.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, buildVault, listFiles, readPage, type BuildResult } from '../helpers/build.ts';

const VAULT = 'tests/fixtures/vault-svg';
let build: BuildResult;
let svgs: Map<string, string>;

beforeAll(async () => {
  build = await buildVault({ contentDir: VAULT, outDir: join(TMP, 'vault-svg'), env: { GARDEN_URL_LOCK: '' } });
  expect(build.code, build.output).toBe(0);
  svgs = new Map(
    listFiles(build.outDir)
      .filter((file) => file.endsWith('.svg'))
      .map((file) => [file, readFileSync(join(build.outDir, file), 'utf8')]),
  );
});

/** The published SVG files whose name starts so (Astro adds a hash, and may publish two copies). */
const published = (name: string) => [...svgs].filter(([file]) => file.split('/').pop()!.startsWith(name));

describe('published SVG attachments', () => {
  it('are all there: embedded and Markdown images below _astro/, the linked one below _media/', () => {
    for (const name of ['evil.', 'evil-markdown.', 'harmless.']) {
      expect(published(name).length, name).toBeGreaterThan(0);
      for (const [file] of published(name)) expect(file.startsWith('_astro/'), file).toBe(true);
    }
    expect(svgs.has('_media/attachments/evil-linked.svg')).toBe(true);
    const page = parseHTML(readPage(build.outDir, '/drawings/')).document;
    expect([...page.querySelectorAll('.prose img')].map((img) => img.getAttribute('src'))).toEqual([
      expect.stringMatching(/^\/_astro\/evil\..*\.svg$/),
      expect.stringMatching(/^\/_astro\/harmless\..*\.svg$/),
      expect.stringMatching(/^\/_astro\/evil-markdown\..*\.svg$/),
    ]);
    expect(page.querySelector('.prose a[href="/_media/attachments/evil-linked.svg"]')).not.toBeNull();
  });

  it('carry no script, handler, foreignObject, external reference or script URL', () => {
    const vaultSvgs = [...svgs].filter(([file]) => file !== 'favicon.svg');
    expect(vaultSvgs.length).toBeGreaterThanOrEqual(4);
    for (const [file, text] of vaultSvgs) {
      const lower = text.toLowerCase();
      for (const forbidden of ['<script', 'foreignobject', 'javascript:', '@import', 'attacker.example', '<!doctype', '<?']) {
        expect(lower, `${file}: ${forbidden}`).not.toContain(forbidden);
      }
      expect(text, file).not.toMatch(/\son[a-z]+\s*=/i);
      expect(text, file).not.toMatch(/url\(\s*['"]?(?!#)/i);
      for (const [, value] of text.matchAll(/\s(?:xlink:)?href="([^"]*)"/g)) expect(value, file).toMatch(/^#/);
    }
  });

  it('keep the drawing of the harmless one and what is harmless in the hostile ones', () => {
    for (const [file, text] of published('harmless.')) {
      const svg = parseHTML(`<div>${text}</div>`).document;
      expect(svg.querySelector('linearGradient#sky stop')?.getAttribute('stop-color'), file).toBe('#3a7bd5');
      expect(svg.querySelectorAll('use').length, file).toBe(2);
      expect(svg.querySelector('rect')?.getAttribute('fill'), file).toBe('url(#sky)');
      expect(svg.querySelector('text')?.textContent, file).toBe('Moscow 1956');
      expect(svg.querySelector('style')?.textContent, file).toContain('.box { stroke: #000; stroke-width: 2; }');
    }
    for (const [file, text] of published('evil.')) expect(text, file).toContain('<circle cx="100" cy="30" r="10" fill="#2a6"/>');
    expect(svgs.get('_media/attachments/evil-linked.svg')).toContain('<rect width="40" height="40" fill="#36c"/>');
  });

  it('leaves the site’s own favicon as it is', () => {
    expect(svgs.get('favicon.svg')).toBe(readFileSync('public/favicon.svg', 'utf8'));
  });

  it('are named in the build log, once each, with what was removed', () => {
    const warnings = build.output.split('\n').filter((line) => line.includes('removed from the published SVG'));
    expect(warnings.filter((line) => line.includes(`${VAULT}/attachments/evil.svg:`)).length).toBe(1);
    expect(warnings.join('\n')).toContain(`${VAULT}/attachments/evil-linked.svg: removed`);
    expect(warnings.join('\n')).not.toContain('harmless.svg');
  });
});

describe('_headers', () => {
  it('is written with security headers for every path and a policy for SVG files', () => {
    const headers = readFileSync(join(build.outDir, '_headers'), 'utf8');
    expect(headers).toContain('/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n');
    expect(headers).toMatch(/^ {2}Content-Security-Policy: default-src 'self';.*script-src 'self' 'wasm-unsafe-eval'/m);
    expect(headers).toContain("/_astro/*.svg\n  Content-Security-Policy: default-src 'none';");
    expect(headers).toContain("/_media/*.svg\n  Content-Security-Policy: default-src 'none';");
  });
});

describe('an SVG that cannot be parsed', () => {
  let bad: BuildResult;
  const vault = join(TMP, 'vault-svg-broken-source');

  beforeAll(async () => {
    rmSync(vault, { recursive: true, force: true });
    cpSync(VAULT, vault, { recursive: true });
    writeFileSync(
      join(vault, 'attachments/broken.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n    <script>document.title = "broken"</script>\n</svg>\n',
    );
    writeFileSync(join(vault, 'Drawings.md'), `${readFileSync(join(vault, 'Drawings.md'), 'utf8')}\nBroken: [[broken.svg]]\n`);
    bad = await buildVault({ contentDir: vault, outDir: join(TMP, 'vault-svg-broken'), env: { GARDEN_URL_LOCK: '' } });
  });

  it('fails the build with its vault file and line, and is not left in the output', () => {
    expect(bad.code).not.toBe(0);
    expect(bad.output).toMatch(
      /vault-svg-broken-source\/attachments\/broken\.svg:4: this SVG cannot be published safely: it is not well-formed XML/,
    );
    expect(existsSync(join(bad.outDir, '_media/attachments/broken.svg'))).toBe(false);
    expect(bad.output).not.toContain('Stack trace');
  });
});
