import { describe, expect, it } from 'vitest';
import { outputFolders, recoverySteps, swapSteps, type Found } from '../../src/lib/output/atomic-output.ts';

const folders = outputFolders('/site/dist');
const nothing: Found = { out: false, outGit: false, staging: false, previous: false, previousGit: false };

describe('outputFolders', () => {
  it('puts staging and the previous site beside the out dir, hidden, whatever its spelling', () => {
    expect(folders).toEqual({
      out: '/site/dist',
      staging: '/site/.dist.staging',
      previous: '/site/.dist.previous',
      discarded: '/site/.dist.discarded-',
    });
    expect(outputFolders('/site/dist/')).toEqual(folders);
    expect(outputFolders('/site/x/../dist')).toEqual(folders);
  });

  it('refuses the root of a file system', () => {
    expect(() => outputFolders('/')).toThrow('cannot be the root');
  });
});

describe('recoverySteps', () => {
  it('does nothing after a finished build', () => {
    expect(recoverySteps(folders, { ...nothing, out: true })).toEqual([]);
  });

  it('removes the staging folder of a failed or killed build, never the site', () => {
    expect(recoverySteps(folders, { ...nothing, out: true, staging: true })).toEqual([
      { do: 'remove', path: '/site/.dist.staging' },
    ]);
  });

  it('puts the last good site back when a build stopped between the two renames', () => {
    expect(recoverySteps(folders, { ...nothing, staging: true, previous: true })).toEqual([
      { do: 'remove', path: '/site/.dist.staging' },
      { do: 'rename', from: '/site/.dist.previous', to: '/site/dist' },
    ]);
  });

  it('finishes a swap that stopped after the new site was in place, keeping the deploy repository', () => {
    expect(recoverySteps(folders, { ...nothing, out: true, previous: true, previousGit: true })).toEqual([
      { do: 'rename', from: '/site/.dist.previous/.git', to: '/site/dist/.git' },
      { do: 'remove', path: '/site/.dist.previous' },
    ]);
    expect(recoverySteps(folders, { ...nothing, out: true, outGit: true, previous: true, previousGit: true })).toEqual([
      { do: 'remove', path: '/site/.dist.previous' },
    ]);
  });

  it('deletes in the background the replaced sites an earlier background deletion left', () => {
    expect(recoverySteps(folders, { ...nothing, out: true, discarded: ['/site/.dist.discarded-1-2'] })).toEqual([
      { do: 'remove-later', path: '/site/.dist.discarded-1-2' },
    ]);
  });
});

describe('swapSteps', () => {
  it('renames the first site into place', () => {
    expect(swapSteps(folders, { out: false, outGit: false }, 'tag')).toEqual([
      { do: 'rename', from: '/site/.dist.staging', to: '/site/dist' },
    ]);
  });

  it('moves the last site aside, the new one in, and the last one to be deleted in the background', () => {
    expect(swapSteps(folders, { out: true, outGit: false }, '7-1')).toEqual([
      { do: 'rename', from: '/site/dist', to: '/site/.dist.previous' },
      { do: 'rename', from: '/site/.dist.staging', to: '/site/dist' },
      { do: 'rename', from: '/site/.dist.previous', to: '/site/.dist.discarded-7-1' },
      { do: 'remove-later', path: '/site/.dist.discarded-7-1' },
    ]);
  });

  it('keeps a .git folder of the out dir, as Astro does', () => {
    expect(swapSteps(folders, { out: true, outGit: true }, '7-1')).toEqual([
      { do: 'rename', from: '/site/dist', to: '/site/.dist.previous' },
      { do: 'rename', from: '/site/.dist.staging', to: '/site/dist' },
      { do: 'rename', from: '/site/.dist.previous/.git', to: '/site/dist/.git' },
      { do: 'rename', from: '/site/.dist.previous', to: '/site/.dist.discarded-7-1' },
      { do: 'remove-later', path: '/site/.dist.discarded-7-1' },
    ]);
  });

  it('recovers from a stop after any of its steps', () => {
    // Replays the swap on a model of the disk, stopping after each step; recovery then leaves one site in place.
    const steps = swapSteps(folders, { out: true, outGit: true }, '7-1');
    for (let done = 0; done <= steps.length; done++) {
      const disk = new Map<string, string>([
        ['/site/dist', 'old'],
        ['/site/dist/.git', 'repo'],
        ['/site/.dist.staging', 'new'],
      ]);
      const apply = (step: (typeof steps)[number]) => {
        if (step.do === 'remove' || step.do === 'remove-later') {
          for (const path of [...disk.keys()]) if (path === step.path || path.startsWith(`${step.path}/`)) disk.delete(path);
          return;
        }
        for (const [path, value] of [...disk]) {
          if (path !== step.from && !path.startsWith(`${step.from}/`)) continue;
          disk.delete(path);
          disk.set(step.to + path.slice(step.from.length), value);
        }
      };
      steps.slice(0, done).forEach(apply);
      const found = (path: string) => disk.has(path);
      recoverySteps(folders, {
        out: found('/site/dist'),
        outGit: found('/site/dist/.git'),
        staging: found('/site/.dist.staging'),
        previous: found('/site/.dist.previous'),
        previousGit: found('/site/.dist.previous/.git'),
        discarded: [...disk.keys()].filter((path) => path.startsWith('/site/.dist.discarded-') && !path.includes('/', 7)),
      }).forEach(apply);
      // Before the new site is in place the old one stays; after, the new one; the repository always.
      expect(disk, `stopped after ${done} steps`).toEqual(
        new Map([
          ['/site/dist', done < 2 ? 'old' : 'new'],
          ['/site/dist/.git', 'repo'],
        ]),
      );
    }
  });
});
