/**
 * Table column alignment as an `align` attribute, as remark-rehype writes it, rather than Sätteri's
 * `style="text-align: …"`: the site's safe-HTML schema keeps `align` and drops every `style`.
 */
import type { HastPluginDefinition } from 'satteri';

const TEXT_ALIGN = /^text-align: ?(left|right|center);?$/;

export const tableAlignPlugin: HastPluginDefinition = {
  name: 'garden-table-align',
  element: {
    filter: ['th', 'td'],
    visit(cell, ctx) {
      const align = TEXT_ALIGN.exec(String(cell.properties.style ?? ''))?.[1];
      if (!align) return;
      ctx.setProperty(cell, 'style', null);
      ctx.setProperty(cell, 'align', align);
    },
  },
};
