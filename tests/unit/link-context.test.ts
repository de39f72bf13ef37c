/**
 * The vault's link context reaches the Markdown plugins of both processors through one handoff
 * (src/markdown/link-context.ts): a file of the vault rendered without it is an error naming the
 * file, never a page with its links left as written; Markdown outside the vault is left alone.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { vaultPath } from '../../src/lib/util/types.ts';
import { declareVaultRoot } from '../../src/markdown/link-context.ts';
import { createRenderer, loadRenderableFiles } from '../helpers/markdown-render.ts';

const ROOT = '/tmp/link-context-test/vault';
const note = (name: string) => `---\ndg-publish: true\ntitle: ${name}\n---\nSee [[Other]].\n`;

const PROCESSORS = ['unified', 'satteri'] as const;
const render = async (processor: (typeof PROCESSORS)[number], file: string) =>
  (await createRenderer(processor)).render('See [[Other]].', { fileURL: pathToFileURL(file), frontmatter: {} });

// In this order: the handoff is process-wide, and the first tests need it without a context.
describe('before the loader registered the vault', () => {
  declareVaultRoot(ROOT);
  it.each(PROCESSORS)('%s leaves Markdown outside the vault alone', async (processor) => {
    // Rendered, its wikilink unresolved: no note of the vault is its source.
    expect((await render(processor, '/tmp/link-context-test/page.md')).code).not.toContain('href="/other/"');
  });

  it.each(PROCESSORS)('%s refuses to render a note of the vault, naming it', async (processor) => {
    const file = join(ROOT, 'Note.md');
    await expect(render(processor, file)).rejects.toThrow(`${file}: rendered without the vault's link context`);
  });
});

describe('once the loader registered the vault', () => {
  it.each(PROCESSORS)('%s renders its notes with the context, and refuses a file that is not one', async (processor) => {
    loadRenderableFiles(ROOT, [
      { path: vaultPath('Note.md'), text: note('Note') },
      { path: vaultPath('Other.md'), text: note('Other') },
    ]);
    expect((await render(processor, join(ROOT, 'Note.md'))).code).toContain('href="/other/"');
    const draft = join(ROOT, 'Draft.md');
    await expect(render(processor, draft)).rejects.toThrow(
      `${draft}: rendered as a note, but it is not a published note of the vault`,
    );
  });
});
