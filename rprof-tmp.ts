// CPU time of rendering every note of a vault with Sätteri, as the loader does: node rprof.ts <vault> [runs]
import { resolve } from 'node:path';
import { createRenderer, loadRenderableVault } from './tests/helpers/markdown-render.ts';
const notes = await loadRenderableVault(resolve(process.argv[2]!));
const renderer = await createRenderer((process.env.PROC as 'satteri') ?? 'satteri');
await renderer.render('```js\nlet a;\n```\n# A', { fileURL: notes[0]!.fileURL });
const out: string[] = [];
for (let run = 0; run < Number(process.argv[3] ?? 3); run++) {
  const cpu0 = process.cpuUsage();
  for (const note of notes) await renderer.render(note.markdown, { fileURL: note.fileURL });
  const cpu = process.cpuUsage(cpu0);
  out.push(((cpu.user + cpu.system) / 1e6).toFixed(2));
}
console.log(notes.length, 'notes, cpu s per run:', out.join(' '));
