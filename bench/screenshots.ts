/**
 * `npm run screenshots [-- <site dir> <out dir>]`: photographs one page of every kind (tests/helpers/page-kinds.ts)
 * at 390, 768, 1280 and 1600 px wide, in the light and the dark theme, as the first screen a reader
 * sees (PNG, 900 px tall), and one embed of every view — the pictures to look at before closing work on pages. Defaults: `dist/`
 * (run `npm run build` first) into `bench/results/screenshots/` (not committed).
 * `--full` takes whole pages instead; `--search <words>` sets the search page's query.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_FLAGS } from '../tests/helpers/chromium.ts';
import { embedKinds, pageKinds } from '../tests/helpers/page-kinds.ts';
import { serveStatic } from '../tests/helpers/serve.ts';

export const WIDTHS = [390, 768, 1280, 1600] as const;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { full: { type: 'boolean', default: false }, search: { type: 'string', default: 'virgin lands' } },
});
const siteDir = resolve(positionals[0] ?? 'dist');
const outDir = resolve(positionals[1] ?? 'bench/results/screenshots');
mkdirSync(outDir, { recursive: true });

const site = await serveStatic(siteDir);
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_FLAGS });
try {
  const kinds = [...pageKinds(siteDir), ...embedKinds(siteDir)].map((page) =>
    page.kind === 'search' ? { ...page, path: `/search/?q=${encodeURIComponent(values.search)}` } : page,
  );
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    for (const { kind, path } of kinds) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(site.origin + path, { waitUntil: 'networkidle' });
        await page.screenshot({ path: join(outDir, `${kind}-${width}-${scheme}.png`), fullPage: values.full });
      }
    }
    await context.close();
  }
  console.log(`${kinds.length} kinds of page × ${WIDTHS.length} widths × 2 themes in ${outDir}`);
} finally {
  await browser.close();
  await site.close();
}
