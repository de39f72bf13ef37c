/**
 * The DOM calls search results are built with (src/scripts/pagefind-ui.ts): what authors wrote goes into the
 * page as text, never as HTML; only Pagefind's <mark> in an excerpt is kept as an element.
 */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  made.append(...children);
  return made;
}

export function link(href: string, className: string, text: string): HTMLAnchorElement {
  const made = element('a', className, text);
  made.href = href;
  return made;
}

/**
 * An excerpt as Pagefind writes it — escaped text with the matches in <mark> — rebuilt from its text
 * and marks alone. Parsed in an inert <template> (nothing in it loads or runs), so even an excerpt
 * that held markup could put nothing else into the page.
 */
export function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const copy = (node: Node): Node[] => {
    if (node.nodeType === Node.TEXT_NODE) return [document.createTextNode(node.textContent ?? '')];
    const children = [...node.childNodes].flatMap(copy);
    return node instanceof Element && node.localName === 'mark' ? [element('mark', '', ...children)] : children;
  };
  return [...template.content.childNodes].flatMap(copy);
}
