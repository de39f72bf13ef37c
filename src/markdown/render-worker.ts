/**
 * A render worker: renders note bodies with the site's Markdown processor off the main thread, so a
 * large vault renders on every core. It receives the vault's link context once (plain data; the
 * resolver and the glossary matcher are rebuilt here from it, by the same src/lib code), then jobs.
 */
import { parentPort } from 'node:worker_threads';
import { glossaryNames } from '../lib/garden-terms.ts';
import { headingKey } from '../lib/headings.ts';
import { createVaultLinks, type LinkTargetNote } from '../lib/links.ts';
import type { NoteData } from '../lib/note.ts';
import { createTermMatcher } from '../lib/terms.ts';
import type { VaultPath } from '../lib/types.ts';
import { setLinkContext } from './link-context.ts';
import { markdownProcessor, type MarkdownProcessorName } from './processor.ts';

export interface WorkerSetup {
  root: string;
  linkTargets: LinkTargetNote[];
  attachments: string[];
  notes: [VaultPath, { note: NoteData; body: string }][];
  /** The site's processor, built here as astro.config.mjs builds it. */
  processor: MarkdownProcessorName;
  /** What Astro passes to the processor's createRenderer (the project's markdown and image settings). */
  rendererOptions: Record<string, unknown>;
}

export type WorkerRequest =
  { kind: 'setup'; setup: WorkerSetup } | { kind: 'render'; id: number; markdown: string; fileURL: string };

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'rendered'; id: number; code: string; metadata: Record<string, unknown> }
  | { kind: 'failed'; id: number; message: string; line?: number };

type Renderer = {
  render(
    content: string,
    options: { fileURL: URL; frontmatter: Record<string, unknown> },
  ): Promise<{ code: string; metadata: Record<string, unknown> }>;
};

let renderer: Promise<Renderer> | undefined;
const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread');

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'setup') {
    const { root, linkTargets, attachments, notes, processor, rendererOptions } = request.setup;
    const noteMap = new Map(notes);
    setLinkContext({
      root,
      links: createVaultLinks(linkTargets, attachments, headingKey),
      notes: noteMap,
      termMatcher: createTermMatcher(glossaryNames([...noteMap.values()].map((entry) => entry.note))),
    });
    renderer = markdownProcessor(processor).createRenderer(rendererOptions as never) as Promise<Renderer>;
    renderer.then(
      () => port.postMessage({ kind: 'ready' } satisfies WorkerReply),
      (error: unknown) => port.postMessage({ kind: 'failed', id: -1, message: String(error) } satisfies WorkerReply),
    );
    return;
  }
  const { id, markdown, fileURL } = request;
  void (async () => {
    try {
      const { code, metadata } = await (
        await (renderer as Promise<Renderer>)
      ).render(markdown, { fileURL: new URL(fileURL), frontmatter: {} });
      port.postMessage({ kind: 'rendered', id, code, metadata } satisfies WorkerReply);
    } catch (error) {
      const position = error as { line?: number; position?: { start?: { line?: number } } };
      const line = position.line ?? position.position?.start?.line;
      port.postMessage({
        kind: 'failed',
        id,
        message: (error as Error).message,
        ...(line ? { line } : {}),
      } satisfies WorkerReply);
    }
  })();
});
