/**
 * Zoom and pan for the whole-site graph: `<graph-zoom>` wraps a viewport holding the SVG drawn at
 * build time. Without this script the viewport scrolls over the drawing at its own size; with it the
 * drawing fills the viewport and its `viewBox` is the view: the +/−/0 buttons, the keyboard (arrow
 * keys move, + and − zoom, 0 resets, while the viewport or a note in it has focus), the wheel, a
 * drag and a two-finger pinch (pointer events) change it. Scale 1 is one drawing unit per CSS pixel,
 * the size the labels were laid out for.
 */
const MIN_SCALE = 0.2;
const MAX_SCALE = 4;
const STEP = 1.25;
const PAN = 48;

export class GraphZoom extends HTMLElement {
  private svg: SVGSVGElement | null = null;
  private width = 0;
  private height = 0;
  private scale = 1;
  /** The drawing point at the viewport's top left corner. */
  private x = 0;
  private y = 0;

  connectedCallback() {
    const viewport = this.querySelector<HTMLElement>('.graph-viewport');
    const svg = viewport?.querySelector('svg');
    const controls = this.querySelector<HTMLElement>('.graph-zoom-controls');
    if (!viewport || !svg || !controls) return;
    const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
    if (!width || !height) return;
    this.svg = svg;
    this.width = width;
    this.height = height;
    this.setAttribute('data-zoomable', '');
    controls.hidden = false;
    // The drawing fills the viewport's width; its height is the drawing's, up to most of the window.
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', String(Math.round(Math.min(height, window.innerHeight * 0.75))));
    this.reset();
    new ResizeObserver(() => this.show()).observe(svg);

    controls.addEventListener('click', (event) => {
      const action = (event.target as Element).closest('button')?.dataset.zoom;
      if (action === 'in') this.zoomBy(STEP);
      else if (action === 'out') this.zoomBy(1 / STEP);
      else if (action === 'reset') this.reset();
    });
    viewport.addEventListener('keydown', (event) => this.onKey(event));
    svg.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        this.zoomBy(Math.exp(-event.deltaY * 0.002), this.pointIn(event));
      },
      { passive: false },
    );
    this.trackPointers(svg);
  }

  private onKey(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-PAN, 0],
      ArrowRight: [PAN, 0],
      ArrowUp: [0, -PAN],
      ArrowDown: [0, PAN],
    };
    const move = moves[event.key];
    if (move) this.panBy(move[0], move[1]);
    else if (event.key === '+' || event.key === '=') this.zoomBy(STEP);
    else if (event.key === '-' || event.key === '−') this.zoomBy(1 / STEP);
    else if (event.key === '0') this.reset();
    else return;
    event.preventDefault();
  }

  /** Drag to pan, pinch to zoom; a drag does not follow the link it started on. */
  private trackPointers(svg: SVGSVGElement) {
    const down = new Map<number, { x: number; y: number }>();
    let dragged = false;
    let start: { x: number; y: number } | undefined;
    svg.addEventListener('pointerdown', (event) => {
      down.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (down.size === 1) {
        dragged = false;
        start = { x: event.clientX, y: event.clientY };
      }
    });
    svg.addEventListener('pointermove', (event) => {
      const last = down.get(event.pointerId);
      if (!last) return;
      if (down.size === 2) {
        const [a, b] = [...down.values()];
        const other = a === last ? b : a;
        if (!other) return;
        const before = Math.hypot(last.x - other.x, last.y - other.y);
        const after = Math.hypot(event.clientX - other.x, event.clientY - other.y);
        if (before > 0) this.zoomBy(after / before, this.pointIn(event));
        dragged = true;
      } else if (start && (dragged || Math.hypot(event.clientX - start.x, event.clientY - start.y) > 4)) {
        if (!dragged) svg.setPointerCapture(event.pointerId);
        dragged = true;
        this.panBy(last.x - event.clientX, last.y - event.clientY);
      }
      down.set(event.pointerId, { x: event.clientX, y: event.clientY });
    });
    const up = (event: PointerEvent) => {
      down.delete(event.pointerId);
    };
    svg.addEventListener('pointerup', up);
    svg.addEventListener('pointercancel', up);
    svg.addEventListener(
      'click',
      (event) => {
        if (dragged) event.preventDefault();
        dragged = false;
      },
      true,
    );
  }

  /** A pointer's place in CSS pixels from the viewport's top left corner. */
  private pointIn(event: MouseEvent): { x: number; y: number } {
    const box = this.svg?.getBoundingClientRect();
    return box ? { x: event.clientX - box.left, y: event.clientY - box.top } : { x: 0, y: 0 };
  }

  private size(): [number, number] {
    return [this.svg?.clientWidth || this.width, this.svg?.clientHeight || this.height];
  }

  /**
   * Back to scale 1: a drawing smaller than the viewport in its middle, a larger one from its top
   * left (where it starts without JavaScript too).
   */
  private reset() {
    const [w, h] = this.size();
    this.scale = 1;
    this.x = Math.min(0, (this.width - w) / 2);
    this.y = Math.min(0, (this.height - h) / 2);
    this.show();
  }

  /** Zoom by a factor about a point of the viewport (its middle by default), which stays in place. */
  private zoomBy(factor: number, at?: { x: number; y: number }) {
    const [w, h] = this.size();
    const point = at ?? { x: w / 2, y: h / 2 };
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.scale * factor));
    this.x += point.x / this.scale - point.x / scale;
    this.y += point.y / this.scale - point.y / scale;
    this.scale = scale;
    this.show();
  }

  /** Move the view by some CSS pixels. */
  private panBy(dx: number, dy: number) {
    this.x += dx / this.scale;
    this.y += dy / this.scale;
    this.show();
  }

  private show() {
    const [w, h] = this.size();
    const round = (value: number) => Math.round(value * 100) / 100;
    this.svg?.setAttribute('viewBox', [this.x, this.y, w / this.scale, h / this.scale].map(round).join(' '));
    this.dataset.scale = String(round(this.scale));
  }
}

if (!customElements.get('graph-zoom')) customElements.define('graph-zoom', GraphZoom);
