/**
 * A vault worker: scans and renders note bodies off the main thread, so a large vault uses every
 * core. It is told the glossary before scanning, and the vault's link context (plain data; the
 * resolver and the term matcher are rebuilt here by the same src/lib code) before rendering.
 */
import { parentPort } from 'node:worker_threads';
import { glossaryNames } from '../lib/note/glossary.ts';
import { headingKey } from '../lib/syntax/headings.ts';
import { createVaultLinks, type LinkTargetNote } from '../lib/syntax/links.ts';
import type { NoteData, TermNote } from '../lib/note/note-data.ts';
import { createTermMatcher, type TermMatcher } from '../lib/syntax/terms.ts';
import { runScanJob, type ScanJob, type StoredScan } from '../lib/vault/read.ts';
import { createLinkContext, setLinkContext } from '../markdown/link-context.ts';
import { markdownProcessor, type MarkdownProcessorName } from '../markdown/processor.ts';

export interface RenderSetup {
  root: string;
  linkTargets: LinkTargetNote[];
  attachments: string[];
  notes: { note: NoteData; body: string }[];
  /** The site's processor, built here as astro.config.mjs builds it. */
  processor: MarkdownProcessorName;
  /** What Astro passes to the processor's createRenderer (the project's markdown and image settings). */
  rendererOptions: RendererOptions;
}

type RendererOptions = Parameters<ReturnType<typeof markdownProcessor>['createRenderer']>[0];

export type WorkerRequest =
  | { kind: 'scan-setup'; id: number; terms: TermNote[] }
  | { kind: 'scan'; id: number; job: ScanJob }
  | { kind: 'render-setup'; id: number; setup: RenderSetup }
  | { kind: 'render'; id: number; markdown: string; fileURL: string };

export type WorkerReply =
  | { kind: 'ready'; id: number }
  | { kind: 'scanned'; id: number; scan: StoredScan }
  | { kind: 'rendered'; id: number; code: string; metadata: Record<string, unknown> }
  | { kind: 'failed'; id: number; message: string; line?: number };

type Renderer = {
  render(
    content: string,
    options: { fileURL: URL; frontmatter: Record<string, unknown> },
  ): Promise<{ code: string; metadata: Record<string, unknown> }>;
};

const port = parentPort;
if (!port) throw new Error('vault-worker.ts runs as a worker thread');
let termMatcher: TermMatcher<TermNote> | undefined;
let renderer: Renderer | undefined;

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.kind) {
    case 'scan-setup':
      termMatcher = createTermMatcher(glossaryNames(request.terms));
      return { kind: 'ready', id: request.id };
    case 'scan':
      if (!termMatcher) throw new Error('scan before scan-setup');
      return { kind: 'scanned', id: request.id, scan: runScanJob(request.job, termMatcher) };
    case 'render-setup': {
      const { root, linkTargets, attachments, notes, processor, rendererOptions } = request.setup;
      setLinkContext(createLinkContext(root, createVaultLinks(linkTargets, attachments, headingKey), notes));
      renderer = await markdownProcessor(processor).createRenderer(rendererOptions);
      return { kind: 'ready', id: request.id };
    }
    case 'render': {
      if (!renderer) throw new Error('render before render-setup');
      const { code, metadata } = await renderer.render(request.markdown, { fileURL: new URL(request.fileURL), frontmatter: {} });
      return { kind: 'rendered', id: request.id, code, metadata };
    }
  }
}

port.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => {
      const position = error as { line?: number; position?: { start?: { line?: number } } };
      const line = position.line ?? position.position?.start?.line;
      port.postMessage({
        kind: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
        ...(line ? { line } : {}),
      } satisfies WorkerReply);
    },
  );
});
