/** `$…$`, `$$…$$` and ```` ```math ```` (parsed by remark-math) typeset with KaTeX (src/lib/math.ts). */
import type { Root } from 'hast';
import { typesetTree } from '../lib/math.ts';

export default function rehypeMath() {
  return (tree: Root) => typesetTree(tree);
}
