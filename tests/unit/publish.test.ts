import { describe, expect, it } from 'vitest';
import { isPublished } from '../../src/lib/note/publish.ts';
import { parseNoteSource } from '../../src/lib/note/frontmatter.ts';

const decide = (yaml: string) => isPublished(parseNoteSource(`---\n${yaml}\n---\nBody`).data);

describe('the publish rule', () => {
  it('publishes only on the YAML boolean true', () => {
    expect(decide('dg-publish: true')).toEqual({ ok: true, value: true });
    expect(decide('dg-publish: True')).toEqual({ ok: true, value: true });
    expect(decide('{"dg-publish":true,"permalink":"/a/"}')).toEqual({ ok: true, value: true });
  });

  it('does not publish on false or without the key', () => {
    expect(decide('dg-publish: false')).toEqual({ ok: true, value: false });
    expect(decide('title: A note')).toEqual({ ok: true, value: false });
    expect(isPublished({})).toEqual({ ok: true, value: false });
  });

  it.each([
    'dg-publish: "true"',
    "dg-publish: 'true'",
    'dg-publish: yes',
    'dg-publish: on',
    'dg-publish: 1',
    'dg-publish:',
    'dg-publish: [true]',
    'dg-publish: "false"',
    '{"dg-publish":"true"}',
  ])('refuses %s instead of guessing', (yaml) => {
    const result = decide(yaml);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('dg-publish must be the boolean true or false');
  });
});
