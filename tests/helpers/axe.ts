/** axe-core in a page (WCAG 2.2 AA): its violations, each as `id: help (targets)`. The page must allow the injected script (bypassCSP). */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(' | ')})`,
    );
  }, WCAG_22_AA);
}
