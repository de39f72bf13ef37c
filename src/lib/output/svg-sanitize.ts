/**
 * An SVG from the vault made safe to publish: opened directly at its own URL, an SVG is a document
 * of the site's origin, so whatever script it carries would run as the site. The file is parsed
 * with SVGO's XML parser and rebuilt from an allow-list — the elements and attributes that draw
 * (shapes, text, gradients, patterns, filters, markers, masks, `<use>`, `<style>`, animation of
 * drawing attributes) — and everything else is dropped: `<script>`, `<foreignObject>`, event
 * handlers, editor metadata, comments, processing instructions (`<?xml-stylesheet?>`) and the
 * DOCTYPE. A reference may only point inside the file (`#id`) or be an inline raster image
 * (`data:image/png;base64,…`); CSS may not `@import` nor `url()` anything else.
 */
import { optimize } from 'svgo';
import type { XastChild, XastElement, XastRoot } from 'svgo';

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'switch', 'a', 'view',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'image', 'style',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB',
  'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset',
  'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
  'animate', 'animateMotion', 'animateTransform', 'set', 'mpath',
]); // prettier-ignore

const ATTRIBUTES = new Set([
  // core
  'id', 'class', 'style', 'lang', 'xml:lang', 'xml:space', 'tabindex', 'role',
  // geometry and coordinate systems
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'width', 'height', 'd',
  'points', 'pathLength', 'transform', 'viewBox', 'preserveAspectRatio', 'version', 'baseProfile',
  // references (checked below)
  'href', 'xlink:href',
  // gradients, patterns, clip paths, masks, markers
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'offset', 'patternUnits', 'patternContentUnits',
  'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits', 'markerUnits', 'markerWidth',
  'markerHeight', 'refX', 'refY', 'orient',
  // text
  'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset', 'method', 'spacing', 'side',
  // filters
  'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'edgeMode', 'mode', 'operator',
  'k1', 'k2', 'k3', 'k4', 'type', 'values', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent',
  'order', 'kernelMatrix', 'divisor', 'bias', 'targetX', 'targetY', 'preserveAlpha', 'kernelUnitLength',
  'surfaceScale', 'diffuseConstant', 'specularConstant', 'specularExponent', 'azimuth', 'elevation',
  'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle', 'scale', 'xChannelSelector',
  'yChannelSelector', 'radius', 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles',
  // presentation attributes
  'alignment-baseline', 'baseline-shift', 'clip', 'clip-path', 'clip-rule', 'color', 'color-interpolation',
  'color-interpolation-filters', 'color-rendering', 'cursor', 'direction', 'display', 'dominant-baseline',
  'fill', 'fill-opacity', 'fill-rule', 'filter', 'flood-color', 'flood-opacity', 'font', 'font-family',
  'font-size', 'font-size-adjust', 'font-stretch', 'font-style', 'font-variant', 'font-weight',
  'image-rendering', 'letter-spacing', 'lighting-color', 'marker', 'marker-start', 'marker-mid', 'marker-end',
  'mask', 'mask-type', 'opacity', 'overflow', 'paint-order', 'pointer-events', 'shape-rendering', 'stop-color',
  'stop-opacity', 'stroke', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-opacity', 'stroke-width', 'text-anchor', 'text-decoration', 'text-rendering',
  'transform-origin', 'unicode-bidi', 'vector-effect', 'visibility', 'white-space', 'word-spacing',
  'writing-mode',
  // <style>, <switch>
  'media', 'systemLanguage', 'requiredExtensions',
  // animation (attributeName is checked below)
  'attributeName', 'begin', 'dur', 'end', 'min', 'max', 'restart', 'repeatCount', 'repeatDur', 'calcMode',
  'keyTimes', 'keySplines', 'keyPoints', 'from', 'to', 'by', 'additive', 'accumulate', 'path',
]); // prettier-ignore

/** Attributes an animation may never change: where references and styles come from. */
const NOT_ANIMATABLE = new Set(['href', 'xlink:href', 'style', 'class', 'id', 'attributeName']);
const ANIMATIONS = new Set(['animate', 'animateMotion', 'animateTransform', 'set']);

/** An inline raster image: the only thing besides `#id` a reference may name. */
const RASTER_DATA = /^data:image\/(?:png|jpeg|jpg|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]*$/i;
const FONT_DATA = /^data:(?:font\/(?:woff2?|ttf|otf|sfnt)|application\/(?:x-)?font-(?:woff2?|ttf|otf));base64,[a-z0-9+/=\s]*$/i;

function safeReference(value: string): boolean {
  const trimmed = value.trim();
  return /^#[^\s]*$/.test(trimmed) || RASTER_DATA.test(trimmed);
}

function safeCssUrl(target: string): boolean {
  const trimmed = target.trim();
  return /^#[^\s]*$/.test(trimmed) || RASTER_DATA.test(trimmed) || FONT_DATA.test(trimmed);
}

/** No script scheme, however it is spaced or cased. */
function scriptFree(value: string): boolean {
  return !/(?:java|vb)script:/.test(value.replace(/[\s\p{Cc}]/gu, '').toLowerCase());
}

/** Ways CSS can load or run something that this sanitizer does not parse: the whole sheet goes. */
const CSS_REFUSED = /\\|image-set\(|image\(|cross-fade\(|element\(|expression\(|-moz-binding|behavior\s*:/i;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi;

/**
 * A style sheet or a `style` attribute with every external load taken out: `@import` rules are
 * dropped, a `url()` that names anything but `#id` or inline data becomes `none`. CSS this cannot
 * read with certainty (escapes, other image functions, script URLs) is dropped whole.
 */
export function sanitizeCss(css: string): string {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ');
  if (CSS_REFUSED.test(text) || !scriptFree(text)) return '';
  const withoutImports = text.replace(/@import[^;]*(?:;|$)/gi, '');
  const cleaned = withoutImports.replace(CSS_URL, (whole, double?: string, single?: string, bare?: string) =>
    safeCssUrl(double ?? single ?? bare ?? '') ? whole : 'none',
  );
  // A `url(` the pattern did not read (unbalanced, oddly quoted) is not guessed at.
  const rest = cleaned.replace(CSS_URL, '');
  return /url\(|@import/i.test(rest) ? '' : cleaned.trim();
}

function attributeAllowed(element: XastElement, name: string, value: string): boolean {
  if (name === 'xmlns') return value === SVG_NS;
  if (name === 'xmlns:xlink') return value === XLINK_NS;
  if (!ATTRIBUTES.has(name) && !/^aria-[a-z]+$/.test(name)) return false;
  if (!scriptFree(value)) return false;
  if (name === 'href' || name === 'xlink:href') return safeReference(value);
  if (name === 'attributeName') return ATTRIBUTES.has(value) && !NOT_ANIMATABLE.has(value);
  if (name === 'type' && element.name === 'style') return value.trim().toLowerCase() === 'text/css';
  if (name === 'style') return true;
  // Presentation attributes (fill, filter, marker-end, cursor, an animation's `to`…) may name a paint
  // server or a filter inside the file only.
  if (/url\(/i.test(value)) {
    const rest = value.replace(CSS_URL, (whole, double?: string, single?: string, bare?: string) =>
      /^#/.test((double ?? single ?? bare ?? '').trim()) ? '' : whole,
    );
    return !/url\(/i.test(rest);
  }
  return true;
}

function textOf(element: XastElement): string {
  return element.children.map((child) => (child.type === 'text' || child.type === 'cdata' ? child.value : '')).join('');
}

/** Rebuilds one element's subtree from the allow-list; says what it removed. */
function clean(element: XastElement, removed: Set<string>): void {
  for (const [name, value] of Object.entries(element.attributes)) {
    if (!attributeAllowed(element, name, value)) {
      delete element.attributes[name];
      removed.add(`${name}=`);
    } else if (name === 'style') {
      const css = sanitizeCss(value);
      if (css !== value.trim()) removed.add('style= (part)');
      if (css) element.attributes[name] = css;
      else delete element.attributes[name];
    }
  }
  if (ANIMATIONS.has(element.name) && element.name !== 'animateMotion' && !element.attributes.attributeName) {
    // An animation without a (safe) target attribute animates nothing: drop what is left of it.
    element.children = [];
  }
  if (element.name === 'style') {
    const css = sanitizeCss(textOf(element));
    if (css !== textOf(element).trim()) removed.add('<style> (part)');
    element.children = css ? [{ type: 'text', value: css }] : [];
    return;
  }
  const kept: XastChild[] = [];
  for (const child of element.children) {
    if (child.type === 'element') {
      if (!ELEMENTS.has(child.name)) {
        removed.add(`<${child.name}>`);
        continue;
      }
      clean(child, removed);
      kept.push(child);
    } else if (child.type === 'text') {
      kept.push(child);
    } else if (child.type === 'cdata') {
      // As text, so that the serializer escapes it.
      kept.push({ type: 'text', value: child.value });
    } else if (child.type === 'instruction') {
      removed.add(`<?${child.name}?>`);
    }
  }
  element.children = kept;
}

function usesXlink(element: XastElement): boolean {
  return (
    Object.keys(element.attributes).some((name) => name.startsWith('xlink:')) ||
    element.children.some((child) => child.type === 'element' && usesXlink(child))
  );
}

/** The most a file may grow by its DOCTYPE's entities (a "billion laughs" file grows without bound). */
const ENTITY_GROWTH_LIMIT = 1_000_000;
const ENTITY_DECLARATION = /<!ENTITY\s+(\S+)\s+(?:'([^']*)'|"([^"]*)")\s*>/g;

/** Why a DOCTYPE's entities are refused, or undefined when they are plain text substitutions. */
function entityProblem(source: string): string | undefined {
  let growth = 0;
  for (const [, name = '', single, double] of source.matchAll(ENTITY_DECLARATION)) {
    const value = single ?? double ?? '';
    if (/&[^#]/.test(value)) return `its DOCTYPE declares an entity (${name}) made of other entities`;
    growth += value.length * (source.split(`&${name};`).length - 1);
  }
  return growth > ENTITY_GROWTH_LIMIT ? 'its DOCTYPE entities would make it larger than 1 MB' : undefined;
}

export type SvgSanitized =
  { ok: true; svg: string; removed: string[] } | { ok: false; line?: number; column?: number; reason: string };

/** The SVG rebuilt from the allow-list, or why it is not one (a parse error has its line). */
export function sanitizeSvg(source: string): SvgSanitized {
  const refused = entityProblem(source);
  if (refused) return { ok: false, reason: refused };
  const removed = new Set<string>();
  let rootProblem: string | undefined;
  let data: string;
  try {
    ({ data } = optimize(source, {
      plugins: [
        {
          name: 'garden-allow-list',
          fn: (root: XastRoot) => {
            const elements = root.children.filter((child): child is XastElement => child.type === 'element');
            const svg = elements[0];
            if (elements.length !== 1 || svg?.name !== 'svg') {
              rootProblem = `its root element is <${svg?.name ?? ''}>, not <svg>`;
              return;
            }
            for (const child of root.children) {
              // The XML declaration, comments and the DOCTYPE go quietly; `<?xml-stylesheet?>` is worth saying.
              if (child.type === 'instruction' && child.name !== 'xml') removed.add(`<?${child.name}?>`);
            }
            root.children = [svg];
            clean(svg, removed);
            // A standalone SVG needs its namespaces declared to be drawn at all.
            svg.attributes.xmlns = SVG_NS;
            if (usesXlink(svg)) svg.attributes['xmlns:xlink'] = XLINK_NS;
          },
        },
      ],
      js2svg: { pretty: false },
    }));
  } catch (error) {
    const parse = error as { reason?: unknown; line?: unknown; column?: unknown; message?: unknown };
    return {
      ok: false,
      reason: `it is not well-formed XML: ${typeof parse.reason === 'string' ? parse.reason : String(parse.message)}`,
      ...(typeof parse.line === 'number' ? { line: parse.line } : {}),
      ...(typeof parse.column === 'number' ? { column: parse.column } : {}),
    };
  }
  if (rootProblem) return { ok: false, reason: rootProblem };
  return { ok: true, svg: data, removed: [...removed].sort() };
}
