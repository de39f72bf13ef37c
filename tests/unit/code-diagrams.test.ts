/** Code highlighting classes and Mermaid's build-time pieces (src/lib/render/code-highlight.ts, src/lib/render/mermaid.ts). */
import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { TOKENIZE_LIMITS, codeStyleClasses, styleClasses } from '../../src/lib/render/code-highlight.ts';
import { createRenderer } from '../helpers/markdown-render.ts';
import { diagramLinks, internalLinkIds, mermaidFigure, nodeLabel } from '../../src/lib/render/mermaid.ts';

describe('code style classes', () => {
  it('turn token roles and font styles into classes', () => {
    expect(styleClasses('color:var(--astro-code-token-keyword);font-style:italic', false)).toEqual([
      'code-token-keyword',
      'code-italic',
    ]);
    expect(styleClasses('color:var(--astro-code-foreground)', false)).toEqual([]);
    expect(styleClasses('user-select: none;', false)).toEqual(['code-unselectable']);
    // Colours that are no role of the theme are dropped, never kept inline.
    expect(styleClasses('color:#ff0000', false)).toEqual([]);
    expect(
      styleClasses('background-color:var(--astro-code-background);color:var(--astro-code-foreground); overflow-x: auto;', true),
    ).toEqual([]);
  });

  it('leave no style attribute in a highlighted tree', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'pre',
          properties: { class: 'astro-code css-variables', style: 'background-color:var(--astro-code-background)' },
          children: [
            {
              type: 'element',
              tagName: 'span',
              properties: { style: 'color:var(--astro-code-token-string)' },
              children: [{ type: 'text', value: '"x"' }],
            },
          ],
        },
      ],
    };
    codeStyleClasses.root(tree);
    expect(tree.children[0]).toMatchObject({
      properties: { class: 'astro-code css-variables' },
      children: [{ properties: { className: ['code-token-string'] } }],
    });
    expect(JSON.stringify(tree)).not.toContain('style');
  });
});

describe('Mermaid internal links', () => {
  const source = [
    'flowchart TD',
    '  A[Khrushchev] --> B(("The Thaw"))',
    '  B --> Politburo',
    '  D:::internal-link --> E{Other}',
    '  class A,B,Politburo internal-link;',
    '  class E other-class;',
  ].join('\n');

  it('finds the nodes marked internal-link, by class statement or ::: shorthand', () => {
    expect(internalLinkIds(source)).toEqual(['D', 'A', 'B', 'Politburo']);
  });

  it('reads a node label from its shape, without quotes; a bare id is its own label', () => {
    expect(nodeLabel(source, 'A')).toBe('Khrushchev');
    expect(nodeLabel(source, 'B')).toBe('The Thaw');
    expect(nodeLabel(source, 'E')).toBe('Other');
    expect(nodeLabel(source, 'Politburo')).toBe('Politburo');
  });

  it('links only the names that resolve', () => {
    const published: Record<string, string> = { Khrushchev: '/k/', Politburo: '/p/' };
    expect(diagramLinks(source, (name) => published[name])).toEqual({ A: '/k/', Politburo: '/p/' });
  });

  it('puts the source and the links in a figure', () => {
    const figure = mermaidFigure('graph TD\nA-->B\n', { A: '/a/' });
    expect(figure.properties).toEqual({ className: ['mermaid-diagram'], dataMermaidLinks: '{"A":"/a/"}' });
    expect(figure.children[0]).toMatchObject({
      tagName: 'pre',
      children: [{ tagName: 'code', children: [{ type: 'text', value: 'graph TD\nA-->B' }] }],
    });
    expect(mermaidFigure('graph TD', {}).properties).toEqual({ className: ['mermaid-diagram'] });
  });
});

describe('code highlighting', () => {
  // Shiki's own default stops a line after 500 ms, so a loaded machine highlighted less than a quiet one.
  it.each(['unified', 'satteri'] as const)('highlights each line whole or not at all, by its length (%s)', async (processor) => {
    const renderer = await createRenderer(processor);
    const long = `const x = ${'1 + '.repeat(TOKENIZE_LIMITS.tokenizeMaxLineLength / 4)}1;`;
    const { code } = await renderer.render(['```ts', 'const short = 1;', long, '```'].join('\n'), {
      fileURL: new URL('file:///vault/Note.md'),
    });
    const [shortLine, longLine] = code.split('<span class="line">').slice(1);
    expect(shortLine).toContain('code-token-keyword');
    // Past the length limit a line is plain text: the same on every machine, however busy.
    expect(longLine).not.toContain('code-token-');
  });
});
