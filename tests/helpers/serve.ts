/**
 * Serves a built site as a static host does: `/a/b/` → `a/b/index.html`, percent-decoded paths,
 * `404.html` with status 404 for anything else. Listens on a free loopback port. With `headers`,
 * it also sends the headers of the site's `_headers` file as Cloudflare Pages does: `*` matches
 * any characters, every matching rule applies, and a header set by several is joined with commas.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** The rules of a `_headers` file. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    rules.at(-1)?.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers the rules give a path. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules.filter((candidate) => candidate.pattern.test(path))) {
    for (const [name, value] of rule.headers) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

export async function serveStatic(root: string, options: { headers?: boolean } = {}): Promise<StaticSite> {
  const rules = options.headers ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const server: Server = createServer(async (request, response) => {
    const requested = new URL(request.url ?? '/', 'http://localhost').pathname;
    const pathname = decodeURIComponent(requested);
    let file = normalize(join(root, pathname));
    try {
      if (!file.startsWith(root)) throw new Error('outside the site');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...headersFor(rules, requested),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': TYPES['.html'] as string, ...headersFor(rules, requested) });
      response.end(await readFile(join(root, '404.html')).catch(() => 'Not found'));
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
