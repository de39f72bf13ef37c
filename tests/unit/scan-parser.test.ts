/** The scan's Sätteri parser gives the tree the scan reads: wikilinks and embeds as the remark syntax makes them. */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/lib/syntax/parse.ts';
import { parseMarkdownWithSatteri } from '../../src/lib/syntax/parse-satteri.ts';
import { scanNote } from '../../src/lib/syntax/scan.ts';

type Node = { type: string; value?: string; url?: string; children?: Node[]; position?: { start: { line: number } } };
const linkNodes = (node: Node): Node[] =>
  ['wikiLink', 'embed', 'link', 'image'].includes(node.type) ? [node] : (node.children ?? []).flatMap(linkNodes);

describe('parseMarkdownWithSatteri', () => {
  it('turns [[…]] and ![[…]] back into wikiLink and embed nodes, as written, with their lines', () => {
    const tree = parseMarkdownWithSatteri('Intro.\n\nSee [[Note#Part|the part]], ![[map.png|300]] and [md](Other.md).\n') as Node;
    expect(linkNodes(tree).map(({ type, value, url, position }) => ({ type, value, url, line: position?.start.line }))).toEqual([
      { type: 'wikiLink', value: 'Note#Part|the part', url: undefined, line: 3 },
      { type: 'embed', value: 'map.png|300', url: undefined, line: 3 },
      { type: 'link', value: undefined, url: 'Other.md', line: 3 },
    ]);
  });

  it('leaves code, escaped brackets and table pipes as micromark does', () => {
    const body = 'A `[[code]]` span, \\[[escaped]] text.\n\n| a |\n|---|\n| [[T\\|t]] |\n\n```\n[[fenced]]\n```\n';
    const scan = (parse: typeof parseMarkdown) => scanNote(body, [], undefined, parse);
    expect(scan(parseMarkdownWithSatteri).links.map((link) => [link.target, link.label])).toEqual([['T', 't']]);
    expect(scan(parseMarkdownWithSatteri)).toEqual(scan(parseMarkdown));
  });
});
