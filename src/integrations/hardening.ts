/**
 * After Astro writes the site: every SVG file it publishes from the vault — copied by Astro's image
 * pipeline to `_astro/` (`![[x.svg]]`, `![](x.svg)`) or by the media integration to `_media/`
 * (`[[x.svg]]`) — is rebuilt by the SVG sanitizer (src/lib/output/svg-sanitize.ts), and the `_headers`
 * file a static host reads is written (src/lib/output/security-headers.ts).
 *
 * Every SVG of the output is sanitized except the site's own files copied from `public/`
 * (favicon.svg), so an SVG reaching the output by some other road is covered too. An SVG that
 * cannot be sanitized is removed from the output and fails the build with a problem naming its
 * vault file (found by its bytes, which the pipeline copies unchanged) or else the published file.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MEDIA_PREFIX, mediaPath } from '../lib/render/media.ts';
import { headersFile, metaPolicy } from '../lib/output/security-headers.ts';
import { sanitizeSvg } from '../lib/output/svg-sanitize.ts';
import type { Problem } from '../lib/util/types.ts';
import { listVaultFiles } from '../lib/vault/files.ts';
import { formatProblems } from '../lib/vault/problems.ts';
import { publishedMediaRoot } from './media.ts';

/*
 * The walk and the page heads are read synchronously: the hook has nothing else to do meanwhile. At
 * 9 500 pages, awaited calls (three thread-pool round trips a page) took 2.1 s against 0.6 s on
 * their own, and the hook 8–13 s in a build, beside Pagefind, against 2–3 s.
 */

/** Every file below the built site, as POSIX paths relative to it. */
function filesBelow(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

const isSvg = (path: string) => /\.svg$/i.test(path);
const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Bytes read for a page's head: the meta policy and inline-script hashes of a page fit in far less. */
const HEAD_BYTES = 16_384;

/** The start of a page, where its `<meta>` policy is; the whole page when the head is longer. */
function pageHead(file: string, buffer: Buffer): string {
  const fd = openSync(file, 'r');
  try {
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    const head = buffer.toString('utf8', 0, bytesRead);
    return /<\/head>/i.test(head) || bytesRead < buffer.length ? head : readFileSync(file, 'utf8');
  } finally {
    closeSync(fd);
  }
}

export default function hardeningIntegration(options: { embedOrigins?: readonly string[] } = {}): AstroIntegration {
  let publicDir = '';
  let projectRoot = process.cwd();
  return {
    name: 'garden-hardening',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        projectRoot = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const files = filesBelow(site);
        const vault = publishedMediaRoot();
        const display = (vaultPath: string) =>
          relative(projectRoot, join(vault ?? '', vaultPath))
            .split(sep)
            .join('/');

        // The vault's SVG files by their bytes, read only if an SVG outside `_media/` needs tracing.
        let vaultSvgs: Map<string, string> | undefined;
        const traceByBytes = async (bytes: Buffer): Promise<string | undefined> => {
          if (!vault) return undefined;
          if (!vaultSvgs) {
            vaultSvgs = new Map();
            for (const path of listVaultFiles(vault).attachments.filter(isSvg)) {
              vaultSvgs.set(digest(await readFile(join(vault, path))), path);
            }
          }
          return vaultSvgs.get(digest(bytes));
        };

        const problems: Problem[] = [];
        let sanitized = 0;
        const warned = new Set<string>();
        for (const path of files.filter(isSvg)) {
          if (publicDir && existsSync(join(publicDir, ...path.split('/')))) continue;
          const file = join(site, ...path.split('/'));
          const bytes = await readFile(file);
          const source = bytes.toString('utf8');
          const result = sanitizeSvg(source);
          const fromVault = mediaPath(`/${path}`) ?? (result.ok ? undefined : await traceByBytes(bytes));
          if (!result.ok) {
            // Nothing unsafe may stay behind in a failed build's output.
            await rm(file);
            problems.push({
              file: fromVault ? display(fromVault) : `${relative(projectRoot, file).split(sep).join('/')} (published)`,
              ...(result.line ? { line: result.line } : {}),
              message: `this SVG cannot be published safely: ${result.reason}`,
            });
            continue;
          }
          sanitized++;
          if (result.svg !== source) await writeFile(file, result.svg);
          const notable = result.removed.filter((what) =>
            /script|foreignObject|^on|href|style|^<\?|attributeName|^(?:to|from|by|values)=/i.test(what),
          );
          const name = notable.length > 0 ? (fromVault ?? (await traceByBytes(bytes)) ?? `/${path}`) : undefined;
          // Astro publishes an image twice (original and processed): one warning per vault file.
          if (name && !warned.has(name)) {
            warned.add(name);
            logger.warn(
              formatProblems([
                {
                  file: name.startsWith('/') ? name : display(name),
                  message: `removed from the published SVG (it could run script or load files from elsewhere): ${notable.join(', ')}`,
                },
              ]),
            );
          }
        }
        if (problems.length > 0) {
          const error = new Error(
            `${problems.length} SVG file${problems.length === 1 ? '' : 's'} cannot be published:\n${formatProblems(problems)}`,
          );
          // The author's problem, said as `file:line: message`: no stack trace of the site's code.
          error.stack = '';
          throw error;
        }
        if (sanitized > 0)
          logger.info(
            `Sanitized ${sanitized} SVG file${sanitized === 1 ? '' : 's'} (scripts, handlers and external references removed)`,
          );

        const policies: string[] = [];
        const embedPolicies: string[] = [];
        const buffer = Buffer.alloc(HEAD_BYTES);
        for (const path of files.filter((name) => name.endsWith('.html'))) {
          const policy = metaPolicy(pageHead(join(site, ...path.split('/')), buffer));
          if (policy) policies.push(policy);
          if (policy && path.startsWith('embed/')) embedPolicies.push(policy);
        }
        // A `_headers` file of the site's own (from public/) keeps its rules after these.
        const target = join(site, '_headers');
        const ownFile = publicDir ? join(publicDir, '_headers') : '';
        const own = ownFile && existsSync(ownFile) ? `\n${await readFile(ownFile, 'utf8')}` : '';
        await writeFile(
          target,
          headersFile(policies, { embedPolicies, ...(options.embedOrigins ? { embedOrigins: options.embedOrigins } : {}) }) + own,
        );
        logger.info(
          `Wrote _headers (security headers for static hosts, framing only below /embed/, SVG policy below ${MEDIA_PREFIX} and /_astro/)`,
        );
      },
    },
  };
}
