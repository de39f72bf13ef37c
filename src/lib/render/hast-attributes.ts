/**
 * hast properties as HTML attributes, for a component that renders a tree built in src/lib with
 * Astro's own markup (src/components/Hast.astro); the names come from the library hast is built on.
 */
import type { Properties } from 'hast';
import { find, html } from 'property-information';

/**
 * A hast element's properties as the HTML attributes a component spreads on its tag (`className` →
 * `class`, `ariaHidden` → `aria-hidden`); a `true` is an attribute without a value, `false` none.
 */
export function htmlAttributes(properties: Properties): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [property, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(html, property);
    attributes[info.attribute] =
      value === true ? '' : Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
  }
  return attributes;
}
