/**
 * Where the rendered note bodies live between builds (src/loaders/rendered-bodies.ts): appended to
 * pack files, each body at an offset, instead of one file per note — creating thousands of small
 * files costs this disk far more than writing the same bytes once. A build appends what it renders
 * to a pack of its own; this module decides which older packs to fold into it, so that the folder
 * stays close to the size of what is kept and holds few files.
 */

/** A body's place: its pack's file name, and its bytes' offset and length in it. */
export type BodyLocation = readonly [pack: string, offset: number, length: number];

/** Below this size a pack is folded into the build's pack, so small rebuilds do not leave a file each. */
export const SMALL_PACK_BYTES = 4 * 1024 * 1024;

export interface PackPlan {
  /** Packs whose kept bodies are copied into the build's pack (which then holds them), oldest first. */
  fold: string[];
  /** Packs no kept body is in once the folded ones are copied: deleted. */
  remove: string[];
}

/**
 * Which packs to fold and remove, given each pack's size in bytes, where every kept body is, and
 * the pack this build writes (undefined when it rendered nothing). A pack is folded when less than
 * half of it is kept, or when it is small and there is somewhere small to fold it: into this build's
 * pack, or — when the build rendered nothing — into a new one once two small packs stand. A pack
 * holding no kept body is removed. The build's own pack is never folded or removed.
 */
export function planPacks(
  sizes: ReadonlyMap<string, number>,
  kept: Iterable<BodyLocation>,
  current: string | undefined,
  smallBytes = SMALL_PACK_BYTES,
): PackPlan {
  const live = new Map<string, number>();
  for (const [pack, , length] of kept) live.set(pack, (live.get(pack) ?? 0) + length);
  const older = [...sizes.keys()].filter((pack) => pack !== current).sort(comparePacks);
  const holding = older.filter((pack) => (live.get(pack) ?? 0) > 0);
  const small = holding.filter((pack) => (sizes.get(pack) ?? 0) < smallBytes);
  const foldSmall = current !== undefined ? small.length > 0 : small.length >= 2;
  const fold = holding.filter(
    (pack) => (live.get(pack) ?? 0) * 2 < (sizes.get(pack) ?? 0) || (foldSmall && small.includes(pack)),
  );
  const remove = older.filter((pack) => !holding.includes(pack) || fold.includes(pack));
  return { fold, remove };
}

/** Packs are named by number (`12.pack`); older packs have lower numbers. */
export const packName = (number: number) => `${number}.pack`;

export function packNumber(name: string): number | undefined {
  const match = /^(\d+)\.pack$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

function comparePacks(a: string, b: string): number {
  return (packNumber(a) ?? -1) - (packNumber(b) ?? -1) || (a < b ? -1 : a > b ? 1 : 0);
}
