/**
 * The options of `garden({...})` in astro.config.mjs: defaults, GARDEN_* overrides for one build, and
 * a bad option as one readable line naming it (and the variable it came from), never a zod dump.
 */
import { describe, expect, it } from 'vitest';
import { resolveGardenOptions } from '../../src/config/options.ts';
import garden from '../../src/integration.ts';

describe('garden options', () => {
  it('fills in the defaults of the options left out', () => {
    expect(resolveGardenOptions({}, {})).toEqual({
      title: 'Study Notes Garden',
      description: 'History study notes: briefs, timelines and a glossary, linked and searchable.',
      site: 'https://notes.example.org',
      contentDir: 'content',
      brokenLinks: 'error',
      urlLock: 'url-lock.json',
      renderWorkers: 'auto',
      markdownProcessor: 'satteri',
      lang: 'en',
      maxNoteSize: 2,
      citationStyle: '',
      embedOrigins: ['*'],
    });
  });

  it('lets a GARDEN_* variable override an option for one build', () => {
    const options = { contentDir: 'vault', brokenLinks: 'error', renderWorkers: 2, markdownProcessor: 'satteri' } as const;
    const env = {
      GARDEN_CONTENT_DIR: 'tests/fixtures/obsidian',
      GARDEN_BROKEN_LINKS: 'warn',
      GARDEN_SITE: 'https://garden.example.com',
      GARDEN_URL_LOCK: '',
      GARDEN_RENDER_WORKERS: '0',
      GARDEN_MARKDOWN_PROCESSOR: 'unified',
    };
    expect(resolveGardenOptions(options, env)).toMatchObject({
      contentDir: 'tests/fixtures/obsidian',
      brokenLinks: 'warn',
      site: 'https://garden.example.com',
      urlLock: '',
      renderWorkers: 0,
      markdownProcessor: 'unified',
    });
    expect(resolveGardenOptions({ renderWorkers: 2 }, { GARDEN_RENDER_WORKERS: 'auto' }).renderWorkers).toBe('auto');
    // An empty variable is no override, except the URL lock's, where empty turns the check off.
    expect(resolveGardenOptions({ contentDir: 'vault' }, { GARDEN_CONTENT_DIR: '' }).contentDir).toBe('vault');
  });

  it('says in one line per option what is wrong, naming the file to edit', () => {
    const error = () =>
      resolveGardenOptions(
        { title: '', site: 'notes.example.org', brokenLinks: 'warning' as 'warn', renderWorkers: 40, maxNoteSize: -1 },
        {},
      );
    expect(error).toThrow(
      [
        'Invalid garden({...}) options in astro.config.mjs:',
        '- title: must not be empty',
        '- site: must be a full URL with its scheme, such as https://notes.example.org',
        "- brokenLinks: must be 'error' or 'warn'",
        "- renderWorkers: must be 'auto' or a whole number from 0 to 16",
        '- maxNoteSize: must be a positive number of MB',
      ].join('\n'),
    );
  });

  it('names the variable a bad value came from', () => {
    expect(() => resolveGardenOptions({}, { GARDEN_RENDER_WORKERS: 'many', GARDEN_MARKDOWN_PROCESSOR: 'remark' })).toThrow(
      [
        "- renderWorkers (from GARDEN_RENDER_WORKERS): must be 'auto' or a whole number from 0 to 16",
        "- markdownProcessor (from GARDEN_MARKDOWN_PROCESSOR): must be 'satteri' or 'unified'",
      ].join('\n'),
    );
  });

  it('refuses a misspelt option rather than ignoring it', () => {
    expect(() => resolveGardenOptions({ titel: 'My garden' } as Parameters<typeof resolveGardenOptions>[0], {})).toThrow(
      "- unknown option 'titel'",
    );
  });

  it('checks the options when astro.config.mjs calls garden(), before any build starts', () => {
    expect(() => garden({ brokenLinks: 'never' as 'warn' })).toThrow("- brokenLinks: must be 'error' or 'warn'");
    expect(garden({ title: 'My garden' }).config.title).toBe('My garden');
  });
});
