/** ```mermaid blocks as the remark path's rehype-mermaid.ts makes them (src/lib/render/mermaid.ts). */
import type { HastPluginDefinition } from 'satteri';
import { codeLanguage, diagramLinks, diagramNoteHref, MERMAID_LANGUAGE, mermaidFigure } from '../../lib/render/mermaid.ts';
import { renderedNote } from '../link-context.ts';

export const mermaidPlugin: HastPluginDefinition = {
  name: 'garden-mermaid',
  element: {
    filter: ['pre'],
    visit(pre, ctx) {
      const code = pre.children[0];
      if (pre.children.length !== 1 || code?.type !== 'element' || code.tagName !== 'code') return undefined;
      if (codeLanguage(code) !== MERMAID_LANGUAGE) return undefined;
      const source = ctx.textContent(code);
      const note = renderedNote(ctx.fileURL);
      const links = note ? diagramLinks(source, (name) => diagramNoteHref(name, note.from, note.context)) : {};
      return mermaidFigure(source, links);
    },
  },
};
