/**
 * Times rendering every published Markdown note of a vault with each Markdown processor, as the
 * vault loader renders them (one after another, link context registered), and counts the notes
 * whose HTML differs between the two.
 *
 *   node bench/render-markdown.ts <vault folder> [runs=3]
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRenderer, loadRenderableVault } from '../tests/helpers/markdown-render.ts';

const [folder, runsArgument = '3'] = process.argv.slice(2);
if (!folder) throw new Error('usage: node bench/render-markdown.ts <vault folder> [runs=3]');
const runs = Number(runsArgument);
const notes = await loadRenderableVault(resolve(folder));
const html = new Map<string, string[]>();

for (const name of ['unified', 'satteri'] as const) {
  const renderer = await createRenderer(name);
  // Warm up: Shiki's highlighter and the native binding load once per process.
  await renderer.render('```js\nlet a;\n```\n# A', { fileURL: notes[0]!.fileURL });
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const codes: string[] = [];
    for (const note of notes) codes.push((await renderer.render(note.markdown, { fileURL: note.fileURL })).code);
    times.push(performance.now() - start);
    html.set(name, codes);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  console.log(
    `${name}: ${notes.length} notes, median ${(median / 1000).toFixed(2)} s of ${runs} (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
  );
}
const [unified, satteri] = [html.get('unified')!, html.get('satteri')!];
const differing = notes.filter((_, index) => unified[index] !== satteri[index]).map((note) => note.vaultPath);
console.log(
  `identical HTML: ${notes.length - differing.length}/${notes.length}${differing.length ? `; differ: ${differing.slice(0, 5).join(', ')}` : ''}`,
);
