/**
 * `npm run urls`: adds every URL the vault now serves (pages and redirects) to the URL lock, so
 * that no later build can drop one without saying so. `npm run urls -- --reset` starts a new lock
 * from what the vault serves, dropping the old one's URLs (for a new site: never on a live one).
 * Runs on Node's own TypeScript support.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gardenConfig } from './garden-config.ts';
import { EMPTY_LOCK, formatUrlLock, lockServedUrls, parseUrlLock } from '../lib/site/url-lock.ts';
import { buildGarden } from '../lib/site/garden.ts';
import { routeTable, servedUrls } from '../lib/site/routes.ts';
import { formatProblems } from '../lib/vault/problems.ts';
import { listVaultFiles } from '../lib/vault/files.ts';
import { loadVault } from '../lib/vault/vault.ts';

const projectRoot = process.cwd();
const siteConfig = await gardenConfig(projectRoot);
const root = join(projectRoot, siteConfig.contentDir);
const lockFile = siteConfig.urlLock || 'url-lock.json';
const { notes: paths, attachments } = listVaultFiles(root);
const files = paths.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
const vault = loadVault(files, { displayPath: (path) => join(siteConfig.contentDir, path), attachments, brokenLinks: 'warn' });
if (vault.problems.length > 0) {
  console.error(`The vault has problems; fix them first:\n${formatProblems(vault.problems)}`);
  process.exit(1);
}
const reset = process.argv.includes('--reset');
let existing = EMPTY_LOCK;
if (!reset) {
  try {
    const parsed = parseUrlLock(readFileSync(join(projectRoot, lockFile), 'utf8'));
    if (!parsed.ok) {
      console.error(`${lockFile}: ${parsed.reason}`);
      process.exit(1);
    }
    existing = parsed.lock;
  } catch {
    // No lock yet: this run creates it.
  }
}
const updated = lockServedUrls(
  existing,
  servedUrls(routeTable(buildGarden(vault.notes.map((entry) => entry.note)), existing.retired)),
);
const added = updated.published.filter((url) => !existing.published.includes(url));
writeFileSync(join(projectRoot, lockFile), formatUrlLock(updated));
console.log(
  reset
    ? `Started a new ${lockFile} with the ${updated.published.length} URL(s) this vault serves.`
    : added.length > 0
      ? `Locked ${added.length} new URL(s) in ${lockFile}:\n${added.join('\n')}`
      : `${lockFile} already lists every URL.`,
);
