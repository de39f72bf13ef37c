/**
 * Code blocks are highlighted by Shiki with its `css-variables` theme, whose tokens name a role
 * (`var(--astro-code-token-keyword)`) rather than a colour. The site's Content Security Policy
 * (`style-src 'self'`) refuses inline `style` attributes, so this transformer turns every style
 * Shiki (and Astro's highlighter) writes into classes; the stylesheet gives each role a light and a
 * dark colour. Same input, same classes: nothing is collected while rendering.
 */
import type { Element, Root, RootContent } from 'hast';

/** The CSS variable prefix Astro's highlighter gives the `css-variables` theme. */
const VARIABLE = /^var\(--astro-code-([a-z-]+)\)$/;

/** Declarations that become a class of their own; anything else is left to the stylesheet. */
const DECLARATION_CLASSES: Record<string, string> = {
  'font-style:italic': 'code-italic',
  'font-weight:bold': 'code-bold',
  'text-decoration:underline': 'code-underline',
  // Astro marks the `+`/`-` of a diff line so that copying leaves them out.
  'user-select:none': 'code-unselectable',
};

/** The classes that stand for one inline style (`color:var(--astro-code-token-string);font-style:italic`). */
export function styleClasses(style: string, onPre: boolean): string[] {
  const classes: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    const role = VARIABLE.exec(value)?.[1];
    // The block's own colours and scrolling are the stylesheet's (`.astro-code`).
    if (onPre) continue;
    if (property === 'color' && role && role !== 'foreground') classes.push(`code-${role}`);
    const named = DECLARATION_CLASSES[`${property}:${value.toLowerCase()}`];
    if (named) classes.push(named);
  }
  return classes;
}

function toClasses(node: Element, onPre: boolean): void {
  const style = node.properties.style;
  if (style === undefined) return;
  delete node.properties.style;
  const added = styleClasses(String(style), onPre);
  if (added.length === 0) return;
  const existing = ([] as unknown[])
    .concat(node.properties.className ?? node.properties.class ?? [])
    .flatMap((name) => String(name).split(' ').filter(Boolean));
  delete node.properties.class;
  node.properties.className = [...existing, ...added];
}

function walk(node: Root | RootContent, onPre: boolean): void {
  if (node.type === 'element') toClasses(node, onPre && node.tagName === 'pre');
  if ('children' in node) for (const child of node.children) walk(child, false);
}

/**
 * A Shiki transformer (its `root` hook runs last, after Astro's own `pre` and `line` hooks have
 * added their styles): no `style` attribute is left in a highlighted block.
 */
export const codeStyleClasses = {
  name: 'garden:style-to-class',
  root(root: Root) {
    for (const child of root.children) walk(child, true);
  },
};

/**
 * Shiki stops highlighting a line after 500 ms by default, so a busy machine could highlight the same
 * block differently from a quiet one — a build that depends on the load. Lines are highlighted whole,
 * however long it takes, up to a length that bounds the work (longer lines stay plain text, the same
 * on every machine); the time limit is kept only as a guard against a grammar that never finishes.
 */
export const TOKENIZE_LIMITS = { tokenizeMaxLineLength: 4000, tokenizeTimeLimit: 60_000 } as const;

export const deterministicHighlighting = {
  name: 'garden:deterministic-highlighting',
  preprocess(_code: string, options: { tokenizeMaxLineLength?: number; tokenizeTimeLimit?: number }) {
    Object.assign(options, TOKENIZE_LIMITS);
  },
};
