/**
 * Draws the page's ```mermaid figures (src/lib/render/mermaid.ts). Loaded only on pages with a diagram;
 * Mermaid itself is imported when there is one to draw. Without JavaScript the figure shows the
 * diagram's source, which stays on the page below the drawing.
 *
 * The Content Security Policy (`style-src 'self'`) refuses what Mermaid writes: a `<style>` element
 * and `style` attributes. Each diagram is drawn in its own shadow root; while Mermaid draws, its
 * `<style>` goes into a constructable stylesheet adopted by that root and its `style` attributes
 * are set through the CSSOM (`element.style.cssText`), which the policy allows. The finished SVG
 * (sanitized by Mermaid's `strict` security level) gets the same treatment before it is inserted.
 */
import type { Mermaid } from 'mermaid';

const SVG_NS = 'http://www.w3.org/2000/svg';
let mermaid: Promise<Mermaid> | undefined;
let rendered = 0;

type Theme = 'light' | 'dark';
const darkQuery = matchMedia('(prefers-color-scheme: dark)');
const currentTheme = (): Theme => {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return darkQuery.matches ? 'dark' : 'light';
};

interface Diagram {
  figure: HTMLElement;
  source: string;
  links: Record<string, string>;
  root: ShadowRoot;
}

function parseLinks(json: string | undefined): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (parsed && typeof parsed === 'object') {
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    }
  } catch {
    // A figure without valid links is drawn without them.
  }
  return {};
}

/** Sets up a figure: the drawing's shadow root before the source, which moves into a disclosure. */
function prepare(figure: HTMLElement): Diagram | undefined {
  const pre = figure.querySelector('pre.mermaid-source');
  if (!pre) return undefined;
  const source = pre.textContent ?? '';
  const host = document.createElement('div');
  host.className = 'mermaid-drawing';
  const root = host.attachShadow({ mode: 'open' });
  const details = document.createElement('details');
  details.className = 'mermaid-source-details';
  const summary = document.createElement('summary');
  summary.textContent = 'Diagram source';
  figure.insertBefore(host, pre);
  details.append(summary, pre);
  figure.append(details);
  return { figure, source, links: parseLinks(figure.dataset.mermaidLinks), root };
}

/** Where a style attribute waits, as data, while the SVG is serialized and parsed again. */
const STYLE_DATA = 'data-garden-style';

/**
 * Runs `draw` with `<style>` elements and `style` attributes diverted to the CSSOM: the rules of any
 * style element go to `sheet`, style attributes to `element.style`. When Mermaid serializes the
 * drawing (the element with id `enclosingId`), style attributes are written as STYLE_DATA instead:
 * parsing HTML with style attributes — even in an inert document, as Mermaid's sanitizer and
 * importSvg below do — counts as inline style for the policy.
 */
async function withCssomStyles<T>(sheet: CSSStyleSheet, enclosingId: string, draw: () => Promise<T>): Promise<T> {
  const setAttribute = Element.prototype.setAttribute;
  const createElement = Document.prototype.createElement;
  const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style' && 'style' in this) {
      (this as HTMLElement).style.cssText = String(value);
      return;
    }
    setAttribute.call(this, name, value);
  };
  Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    if (String(tagName).toLowerCase() !== 'style') return createElement.call(this, tagName, options);
    // A stand-in that takes the rules into the stylesheet and is never a style element.
    const standIn = this.createElementNS(SVG_NS, 'metadata');
    Object.defineProperty(standIn, 'innerHTML', { set: (rules: string) => sheet.replaceSync(rules), get: () => '' });
    Object.defineProperty(standIn, 'textContent', { set: (rules: string) => sheet.replaceSync(rules), get: () => '' });
    return standIn;
  } as typeof Document.prototype.createElement;
  Object.defineProperty(Element.prototype, 'innerHTML', {
    ...innerHTML,
    get(this: Element) {
      if (this.id === enclosingId) {
        for (const element of this.querySelectorAll('[style]')) {
          setAttribute.call(element, STYLE_DATA, element.getAttribute('style') ?? '');
          element.removeAttribute('style');
        }
      }
      return innerHTML?.get?.call(this) as string;
    },
  });
  try {
    return await draw();
  } finally {
    Element.prototype.setAttribute = setAttribute;
    Document.prototype.createElement = createElement;
    if (innerHTML) Object.defineProperty(Element.prototype, 'innerHTML', innerHTML);
  }
}

/** The SVG Mermaid returns, as nodes of this document, its styles set through the CSSOM. */
function importSvg(svgText: string): SVGSVGElement | undefined {
  // Parsed as HTML, as Mermaid serialized it (inert: nothing in it runs or applies).
  const svg = new DOMParser().parseFromString(svgText, 'text/html').body.querySelector('svg');
  if (!svg) return undefined;
  const imported = document.importNode(svg, true);
  for (const element of [imported, ...imported.querySelectorAll<SVGElement>(`[${STYLE_DATA}]`)]) {
    const style = element.getAttribute(STYLE_DATA);
    if (style === null) continue;
    element.style.cssText = style;
    element.removeAttribute(STYLE_DATA);
  }
  return imported;
}

/** Wraps the nodes marked `internal-link` whose note is published in links to it. */
function linkNodes(svg: SVGSVGElement, links: Record<string, string>): void {
  for (const node of svg.querySelectorAll<SVGGElement>('g.node.internal-link')) {
    const id = /flowchart-(.+)-\d+$/.exec(node.id)?.[1] ?? node.dataset.id;
    const href = id !== undefined ? links[id] : undefined;
    if (!href || !node.parentNode) continue;
    const link = document.createElementNS(SVG_NS, 'a');
    link.setAttribute('href', href);
    link.setAttribute('class', 'diagram-link');
    node.parentNode.insertBefore(link, node);
    link.append(node);
  }
}

const HOST_STYLES = `
:host { display: block; }
svg { display: block; max-width: 100%; height: auto; margin-inline: auto; }
a.diagram-link { cursor: pointer; }
a.diagram-link text { text-decoration: underline; }
a.diagram-link:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
`;
let hostSheet: CSSStyleSheet | undefined;

async function draw(diagram: Diagram): Promise<void> {
  const library = await (mermaid ??= import('mermaid').then((module) => module.default));
  const theme = currentTheme();
  library.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'neutral',
    // SVG text rather than HTML in foreignObject: measured and sanitized as plain SVG.
    htmlLabels: false,
    fontFamily: getComputedStyle(diagram.figure).fontFamily,
  });
  const sheet = new CSSStyleSheet();
  hostSheet ??= new CSSStyleSheet();
  hostSheet.replaceSync(HOST_STYLES);
  diagram.root.adoptedStyleSheets = [hostSheet, sheet];
  // Mermaid finds its elements by id in the document, and measures text as laid out: it draws in
  // the light DOM, out of sight, with its rules adopted by the document meanwhile (they are scoped
  // to the diagram's id).
  const scratch = document.createElement('div');
  scratch.style.cssText = `position:absolute;visibility:hidden;inset-inline-start:-100000px;inline-size:${diagram.figure.clientWidth}px`;
  document.body.append(scratch);
  const adopted = document.adoptedStyleSheets;
  document.adoptedStyleSheets = [...adopted, sheet];
  const id = `mermaid-diagram-${++rendered}`;
  try {
    const { svg } = await withCssomStyles(sheet, `d${id}`, () => library.render(id, diagram.source, scratch)).finally(() => {
      scratch.remove();
      document.adoptedStyleSheets = adopted;
    });
    const element = importSvg(svg);
    if (!element) throw new Error('Mermaid gave no SVG');
    linkNodes(element, diagram.links);
    diagram.root.replaceChildren(element);
    diagram.figure.dataset.rendered = theme;
  } catch (error) {
    // The source below stays readable; say why there is no drawing.
    const message = document.createElement('p');
    message.textContent = `This diagram could not be drawn: ${(error as Error).message}`;
    diagram.root.replaceChildren(message);
    diagram.figure.dataset.rendered = 'error';
  }
}

async function drawAll(diagrams: Diagram[]): Promise<void> {
  // One at a time: Mermaid's configuration is global.
  for (const diagram of diagrams) await draw(diagram);
}

const diagrams = [...document.querySelectorAll<HTMLElement>('figure.mermaid-diagram')].flatMap((figure) => prepare(figure) ?? []);
if (diagrams.length > 0) {
  let drawing = drawAll(diagrams);
  let drawnFor = currentTheme();
  const redraw = () => {
    if (currentTheme() === drawnFor) return;
    drawnFor = currentTheme();
    drawing = drawing.then(() => drawAll(diagrams));
  };
  new MutationObserver(redraw).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  darkQuery.addEventListener('change', redraw);
}
