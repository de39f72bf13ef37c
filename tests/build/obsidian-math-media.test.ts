/**
 * Obsidian math and media as authors write them (tests/fixtures/vault-obsidian): KaTeX typeset at
 * build time, its stylesheet only where there is math, bad TeX a file:line warning; video, audio, PDF
 * and images embedded and published only when a published note uses them.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OBSIDIAN_SITE,
  PROJECT_ROOT,
  TMP,
  buildVault,
  listFiles,
  readPage,
  recordedBuild,
  type BuildResult,
} from '../helpers/build.ts';
import { parsePage } from '../helpers/html.ts';

const VAULT = 'tests/fixtures/vault-obsidian';
let build: BuildResult;

beforeAll(async () => {
  build = recordedBuild(OBSIDIAN_SITE);
});

const page = (url: string) => parsePage(readPage(build.outDir, url));
const stylesheets = (document: Document) =>
  [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href') ?? '');
const mathSheet = (document: Document) => stylesheets(document).filter((href) => /\/math\.[\w-]+\.css$/.test(href));
const policy = (document: Document) =>
  document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
const inOutput = (url: string) => existsSync(join(build.outDir, decodeURIComponent(url.split('#')[0] as string)));

describe('math', () => {
  it('builds, warning about bad TeX with file:line', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain(`${VAULT}/Math.md:23: this math is not valid TeX (`);
  });

  it('typesets inline, display and ```math with KaTeX, MathML included', () => {
    const prose = page('/math/').querySelector('.prose') as Element;
    expect(prose.querySelectorAll('.katex')).toHaveLength(5);
    expect(prose.querySelectorAll('.katex-display')).toHaveLength(2);
    const annotations = [...prose.querySelectorAll('math annotation')].map((node) => node.textContent);
    expect(annotations).toContain('\\pi r^2');
    expect(annotations).toContain('\\int_0^1 x^2 \\, dx = \\frac{1}{3}');
    expect(annotations).toContain('\\sqrt{a^2 + b^2} = c');
    expect(prose.querySelector('math mfrac')).not.toBeNull();
    expect(prose.querySelector('.katex-html')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('keeps prices as text, bad TeX as written, and no link from TeX', () => {
    const prose = page('/math/').querySelector('.prose') as Element;
    expect(prose.textContent).toContain('the book costs $5 and the map $10.');
    expect(prose.querySelector('code.math-error')?.textContent).toBe('\\frac{1}{');
    expect(prose.querySelector('a[href^="javascript"]')).toBeNull();
    expect([...prose.querySelectorAll('a')].every((a) => !(a.getAttribute('href') ?? '').includes('alert'))).toBe(true);
  });

  it('links KaTeX’s stylesheet, served by the site with its fonts, only on pages with math', () => {
    const [sheet] = mathSheet(page('/math/'));
    expect(sheet).toBeDefined();
    expect(inOutput(sheet as string)).toBe(true);
    expect(listFiles(join(build.outDir, '_astro')).some((file) => /^KaTeX_Main-Regular\.[\w-]+\.woff2$/.test(file))).toBe(true);
    // A note that only embeds a note with math gets it too; a note without math does not.
    expect(mathSheet(page('/math-embed/'))).toEqual([sheet]);
    expect(page('/math-embed/').querySelector('.embed .katex')).not.toBeNull();
    expect(mathSheet(page('/plain/'))).toEqual([]);
    expect(mathSheet(page('/media/'))).toEqual([]);
  });

  it('allows exactly its KaTeX style attributes by hash; other pages allow none', () => {
    const math = policy(page('/math/'));
    expect(math).toMatch(/style-src 'self' 'unsafe-hashes' 'sha256-/);
    expect(policy(page('/plain/'))).not.toContain("'unsafe-hashes'");
    expect(math).not.toContain("'unsafe-inline'");
  });
});

describe('media', () => {
  const document = () => page('/media/');

  it('embeds video and audio with controls and a name, from files the site publishes', () => {
    const videos = [...document().querySelectorAll('video')];
    expect(videos.map((video) => [video.getAttribute('src'), video.getAttribute('aria-label')])).toEqual([
      ['/_media/attachments/clip.mp4', 'clip.mp4'],
      ['/_media/attachments/clip.mp4', 'Lecture clip'],
    ]);
    expect(videos.every((video) => video.hasAttribute('controls'))).toBe(true);
    const audios = [...document().querySelectorAll('audio')];
    expect(audios.map((audio) => [audio.getAttribute('src'), audio.getAttribute('aria-label')])).toEqual([
      ['/_media/attachments/sound.ogg', 'sound.ogg'],
      ['/_media/attachments/chime.wav', 'A short chime'],
    ]);
    for (const media of [...videos, ...audios]) expect(inOutput(media.getAttribute('src') as string)).toBe(true);
  });

  it('shows a PDF in a same-origin viewer at the asked page and height, with a download link', () => {
    const frames = [...document().querySelectorAll('.media-pdf iframe')];
    expect(frames.map((frame) => [frame.getAttribute('src'), frame.getAttribute('height'), frame.getAttribute('title')])).toEqual(
      [
        ['/_media/attachments/paper.pdf#page=3', '800', 'paper.pdf'],
        ['/_media/attachments/paper.pdf', '400', 'paper.pdf'],
      ],
    );
    const downloads = [...document().querySelectorAll('.media-pdf a.media-download')].map((a) => a.getAttribute('href'));
    expect(downloads).toEqual(['/_media/attachments/paper.pdf', '/_media/attachments/paper.pdf']);
    expect(inOutput('/_media/attachments/paper.pdf')).toBe(true);
    expect(document().querySelector('a[href="/_media/attachments/paper.pdf"]:not(.media-download)')?.textContent).toBe(
      'the paper',
    );
  });

  it('shows SVG and sized or placed images through the image pipeline, and web images as written', () => {
    const images = [...document().querySelectorAll('.prose img')];
    const local = images.filter((img) => !(img.getAttribute('src') ?? '').startsWith('https:'));
    expect(local).toHaveLength(4);
    for (const img of local) expect(inOutput(img.getAttribute('src') as string), img.getAttribute('src') ?? '').toBe(true);
    expect(local.map((img) => img.getAttribute('width'))).toEqual(['24', '300', '300', '16']);
    expect(local[2]?.getAttribute('height')).toBe('200');
    expect(images.find((img) => img.getAttribute('src') === 'https://example.org/photo.jpg')?.getAttribute('alt')).toBe(
      'A photo',
    );
    expect(policy(document())).toContain("img-src 'self' data: https:");
  });

  it('publishes only the files published notes use', () => {
    expect(listFiles(join(build.outDir, '_media'))).toEqual([
      'attachments/chime.wav',
      'attachments/clip.mp4',
      'attachments/paper.pdf',
      'attachments/sound.ogg',
    ]);
  });
});

describe('valid HTML', () => {
  it('on every page; math pages carry only KaTeX’s style attributes, which their CSP allows by hash', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const url of ['/math/', '/math-embed/', '/media/', '/plain/']) {
      const report = await validator.validateFile(join(build.outDir, url, 'index.html'));
      const errors = report.results.flatMap((result) => result.messages).filter((message) => message.severity === 2);
      const allowed = url.startsWith('/math') ? ['no-inline-style'] : [];
      expect(
        errors.filter((message) => !allowed.includes(message.ruleId)).map((message) => `${message.ruleId}: ${message.message}`),
        url,
      ).toEqual([]);
    }
  });
});

describe('media outside the vault', () => {
  it('is never published: a missing file or one behind a symlink is a file:line error', async () => {
    const vault = mkdtempSync(join(TMP, 'vault-media-escape-'));
    const outside = mkdtempSync(join(TMP, 'outside-'));
    try {
      writeFileSync(join(outside, 'secret.pdf'), '%PDF-1.4 secret');
      cpSync(join(PROJECT_ROOT, VAULT, 'attachments/paper.pdf'), join(vault, 'paper.pdf'));
      symlinkSync(join(outside, 'secret.pdf'), join(vault, 'secret.pdf'));
      writeFileSync(
        join(vault, 'Note.md'),
        '---\ndg-publish: true\n---\n![[paper.pdf]]\n\n![[secret.pdf]]\n\n![[../outside/secret.pdf]]\n\n![[gone.mp4]]\n',
      );
      const result = await buildVault({ contentDir: vault, outDir: join(TMP, 'media-escape'), env: { GARDEN_URL_LOCK: '' } });
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/Note\.md:6: !\[\[secret\.pdf\]\] embeds a file "secret\.pdf" that is not in the vault/);
      expect(result.output).toMatch(/Note\.md:8: !\[\[\.\.\/outside\/secret\.pdf\]\] embeds a file/);
      expect(result.output).toMatch(/Note\.md:10: !\[\[gone\.mp4\]\] embeds a file "gone\.mp4" that is not in the vault/);
    } finally {
      rmSync(vault, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
