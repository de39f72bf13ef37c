/** Embedded video, audio and PDF files as players and viewers, after the sanitizer (src/lib/render/media.ts). */
import type { Root } from 'hast';
import { embedMediaTree } from '../lib/render/media.ts';

export default function rehypeMedia() {
  return (tree: Root) => embedMediaTree(tree);
}
