/** The URL lock checked against the route table, which is handed to the pages on the way. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { setRouteHandoff } from '../garden/route-handoff.ts';
import { buildGarden } from '../lib/site/garden.ts';
import { routeTable, servedUrls } from '../lib/site/routes.ts';
import { checkUrlLock, foreignLockMessage, missingUrlMessage, parseUrlLock, type UrlLock } from '../lib/site/url-lock.ts';
import type { Problem } from '../lib/util/types.ts';
import type { LoadedVault } from '../lib/vault/vault.ts';

/**
 * The route table of the vault and the URL lock's retired URLs, handed to the pages and the sitemap;
 * and every locked URL must still be served (by a page, a redirect or a retirement).
 */
export async function checkRoutes(
  projectRoot: string,
  lockFile: string,
  vault: LoadedVault,
  logger: LoaderContext['logger'],
): Promise<Problem[]> {
  const garden = buildGarden(vault.notes.map((entry) => entry.note));
  const handOver = (retired: UrlLock['retired']) => {
    const routes = routeTable(garden, retired);
    setRouteHandoff(routes, retired);
    return routes;
  };
  const text = lockFile ? await readFile(join(projectRoot, lockFile), 'utf8').catch(() => undefined) : undefined;
  if (text === undefined) {
    handOver([]);
    if (lockFile)
      logger.warn(`There is no URL lock (${lockFile}) yet: run \`npm run urls\` to lock the URLs this site publishes.`);
    return [];
  }
  const parsed = parseUrlLock(text);
  if (!parsed.ok) return [{ file: lockFile, message: parsed.reason }];
  const served = servedUrls(handOver(parsed.lock.retired));
  const check = checkUrlLock(parsed.lock, served);
  const foreign = foreignLockMessage(parsed.lock, served, check, lockFile);
  if (foreign) return [{ file: lockFile, message: foreign }];
  if (check.unlocked.length > 0) {
    logger.warn(
      `${check.unlocked.length} URL(s) are not in ${lockFile} yet (run \`npm run urls\` to lock them): ${check.unlocked.join(', ')}`,
    );
  }
  return [
    ...check.missing.map((url) => ({ file: lockFile, message: missingUrlMessage(url, lockFile) })),
    ...check.revived.map((url) => ({
      file: lockFile,
      message: `${url} is retired in ${lockFile} but a note serves it again; remove it from "retired"`,
    })),
  ];
}
