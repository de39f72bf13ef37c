/**
 * Rendered bodies in packs (src/lib/util/body-packs.ts, src/loaders/rendered-bodies.ts): a body
 * is read back byte for byte wherever it was written; a load's bodies are seen only once it
 * commits; older packs that are mostly dropped bodies, or small, are folded into the build's pack
 * and deleted; a failed load leaves the last committed bodies readable.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planPacks } from '../../src/lib/util/body-packs.ts';
import { BodyStore, renderedHtml } from '../../src/loaders/rendered-bodies.ts';
import { TMP } from '../helpers/build.ts';

const MB = 1024 * 1024;

describe('planPacks', () => {
  it('folds a pack of which less than half is kept, and removes it', () => {
    const sizes = new Map([
      ['1.pack', 10 * MB],
      ['2.pack', 10 * MB],
    ]);
    const plan = planPacks(sizes, [['1.pack', 0, 4 * MB] as const, ['2.pack', 0, 6 * MB] as const], '3.pack');
    expect(plan).toEqual({ fold: ['1.pack'], remove: ['1.pack'] });
  });

  it('removes a pack that holds no kept body, without copying anything', () => {
    const sizes = new Map([
      ['1.pack', 10 * MB],
      ['2.pack', 10 * MB],
    ]);
    expect(planPacks(sizes, [['2.pack', 0, 10 * MB] as const], undefined)).toEqual({ fold: [], remove: ['1.pack'] });
  });

  it("folds small packs into the build's pack, and never touches the build's own pack", () => {
    const sizes = new Map([
      ['1.pack', 40 * MB],
      ['4.pack', MB],
      ['5.pack', 2000],
    ]);
    const kept = [['1.pack', 0, 40 * MB] as const, ['4.pack', 0, MB] as const, ['5.pack', 0, 2000] as const];
    expect(planPacks(sizes, kept, '5.pack')).toEqual({ fold: ['4.pack'], remove: ['4.pack'] });
  });

  it('leaves one small pack alone in a build that rendered nothing, and merges two', () => {
    const one = new Map([
      ['1.pack', 40 * MB],
      ['2.pack', MB],
    ]);
    const keptOne = [['1.pack', 0, 40 * MB] as const, ['2.pack', 0, MB] as const];
    expect(planPacks(one, keptOne, undefined)).toEqual({ fold: [], remove: [] });
    const two = new Map([...one, ['3.pack', MB]]);
    const keptTwo = [...keptOne, ['3.pack', 0, MB] as const];
    expect(planPacks(two, keptTwo, undefined)).toEqual({ fold: ['2.pack', '3.pack'], remove: ['2.pack', '3.pack'] });
  });

  it('orders packs by number, not by name', () => {
    const sizes = new Map([
      ['10.pack', 100],
      ['9.pack', 100],
    ]);
    const kept = [['10.pack', 0, 10] as const, ['9.pack', 0, 10] as const];
    expect(planPacks(sizes, kept, '11.pack').fold).toEqual(['9.pack', '10.pack']);
  });
});

describe('BodyStore', () => {
  const root = join(TMP, 'body-packs');
  rmSync(root, { recursive: true, force: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const entry = (key: string) => ({ id: key, rendered: { html: '', metadata: { bodyKey: key } } });

  it('reads back what a load wrote once it commits, whatever its characters', async () => {
    const folder = join(root, 'round-trip');
    const bodies = BodyStore.open(folder);
    const texts = new Map([
      ['a', '<p>Хрущёв — “de-Stalinisation” 🚀</p>'],
      ['b', ''],
      ['c', '<p>x</p>'.repeat(20_000)],
    ]);
    await Promise.all([...texts].map(([key, html]) => bodies.write(key, html)));
    expect(bodies.has('a')).toBe(true);
    await bodies.commit(new Set(texts.keys()), { prune: true });
    for (const [key, html] of texts) expect(await renderedHtml(entry(key))).toBe(html);
    // One pack and the index: no file per body.
    expect(readdirSync(folder).sort()).toEqual(['1.pack', 'index.json']);
  });

  it('keeps unchanged bodies where they are, folds a mostly dropped pack, and deletes what is not named', async () => {
    const folder = join(root, 'rebuild');
    const first = BodyStore.open(folder);
    const big = (n: number) => `<p>${String(n).repeat(2_000_000)}</p>`;
    for (const n of [1, 2, 3]) await first.write(`k${n}`, big(n));
    await first.commit(new Set(['k1', 'k2', 'k3']), { prune: true });
    const packSize = statSync(join(folder, '1.pack')).size;
    expect(packSize).toBeGreaterThan(4 * MB);

    // A leftover of the one-file-per-note layout, and of a build that stopped before committing.
    writeFileSync(join(folder, 'deadbeef.html'), '<p>old</p>');
    writeFileSync(join(folder, '7.pack'), 'unfinished');

    // k1 edited (a new key), k2 deleted: a third of the pack is kept, so it is folded into pack 2.
    const second = BodyStore.open(folder);
    expect(second.has('k3')).toBe(true);
    await second.write('k4', '<p>edited</p>');
    await second.commit(new Set(['k3', 'k4']), { prune: true });
    expect(readdirSync(folder).sort()).toEqual(['2.pack', 'index.json']);
    expect(await renderedHtml(entry('k3'))).toBe(big(3));
    expect(await renderedHtml(entry('k4'))).toBe('<p>edited</p>');
    await expect(renderedHtml(entry('k1'))).rejects.toThrow(/not in/);

    // Nothing rendered and nothing dropped: nothing is rewritten.
    const before = statSync(join(folder, '2.pack')).mtimeMs;
    const third = BodyStore.open(folder);
    await third.commit(new Set(['k3', 'k4']), { prune: true });
    expect(readdirSync(folder).sort()).toEqual(['2.pack', 'index.json']);
    expect(statSync(join(folder, '2.pack')).mtimeMs).toBe(before);
  });

  it('shows the pages the last committed bodies while a load fails, and keeps every file without prune', async () => {
    const folder = join(root, 'failed');
    const first = BodyStore.open(folder);
    await first.write('k1', '<p>one</p>');
    await first.commit(new Set(['k1']), { prune: false });
    const failing = BodyStore.open(folder);
    await failing.write('k2', '<p>two</p>');
    await failing.close();
    expect(await renderedHtml(entry('k1'))).toBe('<p>one</p>');
    await expect(renderedHtml(entry('k2'))).rejects.toThrow(/not in/);

    // `astro dev`: the next load commits without pruning; the earlier pack stays for pages mid-read.
    const next = BodyStore.open(folder);
    await next.write('k3', '<p>three</p>');
    await next.commit(new Set(['k3']), { prune: false });
    expect(existsSync(join(folder, '1.pack'))).toBe(true);
    expect(await renderedHtml(entry('k3'))).toBe('<p>three</p>');
  });

  it('refuses to commit a body it never wrote', async () => {
    const folder = join(root, 'missing');
    mkdirSync(folder, { recursive: true });
    const bodies = BodyStore.open(folder);
    await expect(bodies.commit(new Set(['nowhere']), { prune: true })).rejects.toThrow(/never written/);
  });
});
