#!/usr/bin/env node
/**
 * Page sizes of a built site: median and max gzip size of its HTML pages by kind (note, course page,
 * tag page, /graph/, other) and the total bytes of the output folder. No dependency.
 *
 *   node bench/page-sizes.mjs <dist folder> [--json]
 *
 * A note page is one whose article is `note note-<type>` (a course page is `note-course`); a tag page
 * is below /tags/ (not the list of tags); /graph/ is graph/index.html.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist, flag] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node bench/page-sizes.mjs <dist folder> [--json]');
  process.exit(2);
}

/** Every file below a folder, with its size. */
function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield { path, size: statSync(path).size };
  }
}

function kindOf(path, html) {
  const url = `/${relative(dist, path).split(sep).join('/')}`;
  if (url === '/graph/index.html') return 'graph';
  if (url.startsWith('/tags/') && url !== '/tags/index.html') return 'tag';
  const article = /<article class="note note-([a-z]+)"/.exec(html);
  if (article) return article[1] === 'course' ? 'course' : 'note';
  return 'other';
}

let total = 0;
const sizes = { note: [], course: [], tag: [], graph: [], other: [] };
const raw = { note: [], course: [], tag: [], graph: [], other: [] };
const largest = {};
for (const file of files(dist)) {
  total += file.size;
  if (!file.path.endsWith('.html')) continue;
  const html = readFileSync(file.path);
  const gzip = gzipSync(html, { level: 9 }).length;
  const kind = kindOf(file.path, html.toString('utf8'));
  sizes[kind].push(gzip);
  raw[kind].push(html.length);
  if (!largest[kind] || largest[kind].gzip < gzip) largest[kind] = { gzip, path: relative(dist, file.path) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
};
const report = {
  dist,
  totalBytes: total,
  kinds: Object.fromEntries(
    Object.entries(sizes).map(([kind, values]) => [
      kind,
      {
        pages: values.length,
        medianGzip: median(values),
        maxGzip: Math.max(0, ...values),
        medianBytes: median(raw[kind]),
        largest: largest[kind]?.path,
      },
    ]),
  ),
};

if (flag === '--json') console.log(JSON.stringify(report, null, 2));
else {
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`${dist}: ${(total / 1e6).toFixed(1)} MB in all`);
  console.log('kind     pages   median gzip   max gzip   median raw   largest');
  for (const [kind, row] of Object.entries(report.kinds)) {
    if (row.pages === 0) continue;
    console.log(
      `${kind.padEnd(8)} ${String(row.pages).padStart(5)}   ${kb(row.medianGzip).padStart(11)}   ${kb(row.maxGzip).padStart(8)}   ${kb(row.medianBytes).padStart(10)}   ${row.largest}`,
    );
  }
}
