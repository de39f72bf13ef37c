/** Graphs in Chromium: readable, non-overlapping labels at phone and desktop widths, a legend, zoom and pan. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const FOLDER =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const BRIEF = `${FOLDER}/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/`;

interface Label {
  text: string;
  size: number;
  box: { left: number; top: number; right: number; bottom: number };
}

/** The visible SVG labels under a selector: text, rendered font size in CSS px and box. */
function labelsIn(page: Page, selector: string): Promise<Label[]> {
  return page.evaluate((selector) => {
    const labels: Label[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>(selector)) {
      if (svg.getBoundingClientRect().width === 0) continue;
      const viewBox = svg.viewBox.baseVal;
      const scale = svg.getBoundingClientRect().width / viewBox.width;
      for (const text of svg.querySelectorAll('text')) {
        const rect = text.getBoundingClientRect();
        if (rect.width === 0) continue;
        labels.push({
          text: text.textContent ?? '',
          size: Math.min(parseFloat(getComputedStyle(text).fontSize) * scale, rect.height),
          box: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
        });
      }
    }
    return labels;
  }, selector);
}

function overlaps(labels: Label[]): string[] {
  const found: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) {
      if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) {
        found.push(`${a.text} / ${b.text}`);
      }
    }
  });
  return found;
}

describe.skipIf(!hasBrowser)('graphs in Chromium', () => {
  const session = browserOnSite(DEFAULT_SITE);

  for (const width of [390, 1280]) {
    it(`draws the local graph with distinct labels of at least 11 px that never overlap at ${width} px`, async () => {
      const page = await session.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${session.origin}${BRIEF}`);
      const labels = await labelsIn(page, '.local-graph svg');
      expect(labels.length).toBeGreaterThan(5);
      for (const label of labels) expect(label.size, label.text).toBeGreaterThanOrEqual(11);
      expect(overlaps(labels)).toEqual([]);
      expect(new Set(labels.map((label) => label.text)).size).toBe(labels.length);
      // At most 15 notes, each a link named by its full title.
      const nodes = page.locator('.local-graph svg:visible a');
      expect(await nodes.count()).toBeLessThanOrEqual(15);
      expect(await nodes.first().getAttribute('aria-label')).toBeTruthy();
      expect(await page.locator('.local-graph .graph-legend li').count()).toBeGreaterThanOrEqual(3);
      await page.close();
    });
  }

  for (const width of [390, 1280]) {
    it(`draws the whole graph with labels of at least 11 px that never overlap at ${width} px`, async () => {
      const page = await session.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${session.origin}/graph/`);
      const labels = await labelsIn(page, '.graph-whole svg.graph-drawing');
      expect(labels.length).toBeGreaterThan(5);
      for (const label of labels) expect(label.size, label.text).toBeGreaterThanOrEqual(11);
      expect(overlaps(labels)).toEqual([]);
      expect(await page.locator('.graph-whole .graph-legend li').count()).toBeGreaterThanOrEqual(3);
      await page.close();
    });
  }

  it('zooms and pans /graph/ with the buttons and the keyboard', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${session.origin}/graph/`);
    const zoom = page.locator('graph-zoom[data-zoomable]');
    await zoom.waitFor();
    const svg = page.locator('.graph-viewport svg');
    const viewBox = async () => (await svg.getAttribute('viewBox'))?.split(' ').map(Number) ?? [];
    const start = await viewBox();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomedIn = await viewBox();
    expect(zoomedIn[2]).toBeLessThan(start[2]!);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect((await viewBox())[2]).toBeGreaterThan(start[2]!);
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    expect(await viewBox()).toEqual(start);

    await page.locator('.graph-viewport').focus();
    await page.keyboard.press('ArrowRight');
    expect((await viewBox())[0]).toBeGreaterThan(start[0]!);
    await page.keyboard.press('ArrowDown');
    expect((await viewBox())[1]).toBeGreaterThan(start[1]!);
    await page.keyboard.press('+');
    expect((await viewBox())[2]).toBeLessThan(start[2]!);
    await page.keyboard.press('0');
    expect(await viewBox()).toEqual(start);

    // A drag pans.
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + 200, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 100, box.y + 150, { steps: 5 });
    await page.mouse.up();
    const dragged = await viewBox();
    expect(dragged[0]).toBeGreaterThan(start[0]!);
    await page.close();
  });

  it('shows the whole graph at its own size without JavaScript, and no zoom controls', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${session.origin}/graph/`);
    expect(await page.locator('.graph-zoom-controls').isHidden()).toBe(true);
    const labels = await labelsIn(page, '.graph-whole svg.graph-drawing');
    for (const label of labels) expect(label.size).toBeGreaterThanOrEqual(11);
    const scrolls = await page.locator('.graph-viewport').evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(scrolls).toBe(true);
    expect(await page.locator('.graph-list li').count()).toBeGreaterThan(10);
    await context.close();
  });
});
