/**
 * Self time by function and by module from V8 CPU profiles (`node --cpu-prof` writes one
 * `.cpuprofile` per thread): the figures `node bench/profile.mjs N` prints. A profile is a call tree
 * of nodes (`callFrame`, `children`) plus the sampled node ids (`samples`) and the microseconds between
 * samples (`timeDeltas`); a node's self time is the time of the samples taken in it.
 */

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** One row of a summary: a function or a module, its self time and share of all sampled time. */
export interface SelfTime {
  name: string;
  selfMs: number;
  share: number;
}
export interface ProfileSummary {
  totalMs: number;
  functions: SelfTime[];
  modules: SelfTime[];
}

/** Microseconds of self time per node id: each sample lasts until the next one (the last, the mean). */
function selfMicroseconds(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    const mean = (profile.endTime - profile.startTime) / samples.length;
    samples.forEach((id, index) => {
      const next = deltas[index + 1];
      self.set(id, (self.get(id) ?? 0) + (next !== undefined && next >= 0 ? next : mean));
    });
    return self;
  }
  // Without samples, hit counts spread the profile's duration evenly.
  const hits = profile.nodes.reduce((total, node) => total + (node.hitCount ?? 0), 0);
  const each = hits > 0 ? (profile.endTime - profile.startTime) / hits : 0;
  for (const node of profile.nodes) if (node.hitCount) self.set(node.id, node.hitCount * each);
  return self;
}

/** Astro's bundled chunks carry a content hash (`jsx-runtime_BCJ7Ueue.mjs`): left out, so runs compare. */
const unhashed = (path: string): string => path.replace(/(\/chunks\/[^/]+?)_[\w-]{8}(\.m?js)$/, '$1$2');

/**
 * Where a script comes from: an npm package (`astro`, `@astrojs/markdown-satteri`), a file of the
 * project (relative to `root`), Node's own (`node:internal/…`), or V8's pseudo-frames ("(garbage
 * collector)", "(program)", "(idle)") for samples in no script.
 */
export function moduleOf(frame: CallFrame, root = ''): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const packageAt = url.lastIndexOf('/node_modules/');
  if (packageAt >= 0) {
    const [scope, name] = url.slice(packageAt + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') && name ? `${scope}/${name}` : (scope ?? url);
  }
  if (url.startsWith('node:')) return url;
  const base = root.replace(/\/?$/, '/');
  return unhashed(root && url.startsWith(base) ? url.slice(base.length) : url);
}

/** A function as a reader finds it: its name and where it is (line numbers are 0-based in profiles). */
export function functionOf(frame: CallFrame, root = ''): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const url = frame.url.replace(/^file:\/\//, '');
  const base = root.replace(/\/?$/, '/');
  const where = root && url.startsWith(base) ? url.slice(base.length) : url.replace(/^.*\/node_modules\//, '');
  return `${name} ${unhashed(where)}:${frame.lineNumber + 1}`;
}

const ranked = (times: Map<string, number>, total: number): SelfTime[] =>
  [...times]
    .map(([name, micro]) => ({ name, selfMs: micro / 1000, share: total > 0 ? micro / total : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs || a.name.localeCompare(b.name));

/**
 * Self time summed over one or more profiles (the main thread and each worker), by function and by
 * module, largest first. `(idle)` is left out: time a thread waited is nobody's work.
 */
export function summariseProfiles(profiles: CpuProfile[], root = ''): ProfileSummary {
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const [id, micro] of selfMicroseconds(profile)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame || frame.functionName === '(idle)') continue;
      total += micro;
      const fn = functionOf(frame, root);
      const mod = moduleOf(frame, root);
      functions.set(fn, (functions.get(fn) ?? 0) + micro);
      modules.set(mod, (modules.get(mod) ?? 0) + micro);
    }
  }
  return { totalMs: total / 1000, functions: ranked(functions, total), modules: ranked(modules, total) };
}

/** A Markdown table of the first `top` rows. */
export function selfTimeTable(title: string, rows: SelfTime[], top: number): string {
  const lines = [`| # | ${title} | self ms | share |`, '| ---: | --- | ---: | ---: |'];
  rows.slice(0, top).forEach((row, index) => {
    const name = row.name.replace(/\|/g, '\\|');
    lines.push(`| ${index + 1} | \`${name}\` | ${row.selfMs.toFixed(0)} | ${(row.share * 100).toFixed(1)} % |`);
  });
  return lines.join('\n');
}
