/** ```mermaid blocks become a diagram figure (src/lib/render/mermaid.ts), with its node links resolved now. */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { codeLanguage, diagramLinks, diagramNoteHref, MERMAID_LANGUAGE, mermaidFigure } from '../lib/render/mermaid.ts';
import { renderedNote } from './link-context.ts';

export default function rehypeMermaid() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const current = renderedNote(file);
    visit(tree, 'element', (node: Element, index, parent) => {
      const code = node.children[0];
      if (node.tagName !== 'pre' || node.children.length !== 1 || code?.type !== 'element' || code.tagName !== 'code') return;
      if (codeLanguage(code) !== MERMAID_LANGUAGE || !parent || index === undefined) return;
      const source = toString(code);
      const links = current ? diagramLinks(source, (name) => diagramNoteHref(name, current.from, current.context)) : {};
      parent.children[index] = mermaidFigure(source, links);
      return SKIP;
    });
  };
}
