/** Embedded video, audio and PDF files as players and viewers, by the remark path's rule (src/lib/render/media.ts). */
import type { HastPluginDefinition } from 'satteri';
import { mediaElement } from '../../lib/render/media.ts';
import { plainCopy } from './shared.ts';

export const mediaPlugin: HastPluginDefinition = {
  name: 'garden-media',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const replacement = mediaElement(plainCopy(node));
      if (replacement) ctx.replaceNode(node, replacement);
    },
  },
};
