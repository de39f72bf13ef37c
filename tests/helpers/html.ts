/** Reading built pages as a browser would: parsed HTML, never regular expressions. */
import { parseHTML } from 'linkedom';

export function parsePage(html: string): Document {
  return parseHTML(html).document;
}

export const textOf = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
