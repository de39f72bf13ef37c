/** `$…$`, `$$…$$` and ```` ```math ```` (parsed by remark-math) typeset with KaTeX (src/lib/render/math.ts). */
import type { Root } from 'hast';
import { typesetTree } from '../lib/render/math.ts';

export default function rehypeMath() {
  return (tree: Root) => typesetTree(tree);
}
