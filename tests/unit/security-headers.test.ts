/** The `_headers` file: security headers for every path, and a policy for SVG files that runs nothing. */
import { describe, expect, it } from 'vitest';
import { SVG_POLICY, headersFile, joinPolicies, metaPolicy, parsePolicy } from '../../src/lib/output/security-headers.ts';

const PAGE =
  "default-src 'self';img-src 'self' data: https:;font-src 'self';connect-src 'self';worker-src 'self' blob:;object-src 'none';base-uri 'self';form-action 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'sha256-CCC=';";
const OTHER_PAGE = PAGE.replace("'sha256-AAA='", "'sha256-DDD='");

/** Whether every source a page allows for a directive is allowed by the joined policy too. */
function covers(joined: string, page: string, directive: string): boolean {
  const header = parsePolicy(joined);
  const own = parsePolicy(page);
  const list = header.get(directive) ?? header.get('default-src');
  if (!list) return true;
  return (own.get(directive) ?? own.get('default-src') ?? []).every(
    (source) => list.includes(source) || (/^'sha256-/.test(source) && list.includes("'unsafe-inline'")),
  );
}

describe('joinPolicies', () => {
  it('allows everything each page allows, and keeps what they all restrict', () => {
    const joined = joinPolicies([PAGE, OTHER_PAGE]) as string;
    for (const directive of [
      'default-src',
      'img-src',
      'font-src',
      'connect-src',
      'worker-src',
      'object-src',
      'script-src',
      'style-src',
    ]) {
      expect(covers(joined, PAGE, directive), directive).toBe(true);
      expect(covers(joined, OTHER_PAGE, directive), directive).toBe(true);
    }
    expect(joined).toBe(
      "default-src 'self'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; style-src 'self' 'unsafe-inline'",
    );
  });

  it('uses a fetch directive’s fallback for a page that lacks it, and leaves out what a page does not restrict', () => {
    const joined = parsePolicy(
      joinPolicies(["default-src 'self'; img-src https:; base-uri 'self'", "default-src 'none'; script-src 'self'"]) as string,
    );
    // The second page's images fall back to its default-src ('none'), the first page's scripts to 'self'.
    expect(joined.get('img-src')).toEqual(['https:']);
    expect(joined.get('script-src')).toEqual(["'self'"]);
    // base-uri has no fallback: the second page does not restrict it, so neither may the header.
    expect(joined.has('base-uri')).toBe(false);
  });

  it('is undefined without pages', () => {
    expect(joinPolicies([])).toBeUndefined();
  });
});

describe('headersFile', () => {
  const file = headersFile([PAGE]);

  it('sends nosniff, a referrer policy, no framing and the joined page policy for every path', () => {
    expect(file).toMatch(
      /^\/\*\n {2}X-Content-Type-Options: nosniff\n {2}Referrer-Policy: strict-origin-when-cross-origin\n {2}X-Frame-Options: DENY\n {2}Content-Security-Policy: default-src 'self';/m,
    );
  });

  it('gives the SVG files the build publishes a policy that runs and loads nothing', () => {
    expect(file).toContain(`/_astro/*.svg\n  Content-Security-Policy: ${SVG_POLICY}\n`);
    expect(file).toContain(`/_media/*.svg\n  Content-Security-Policy: ${SVG_POLICY}\n`);
    const svg = parsePolicy(SVG_POLICY);
    expect(svg.get('default-src')).toEqual(["'none'"]);
    expect(svg.has('script-src')).toBe(false);
    expect(svg.has('sandbox')).toBe(true);
  });

  it('has only rule lines, indented header lines and comments', () => {
    for (const line of file.trimEnd().split('\n')) expect(line).toMatch(/^(#.*|\/\S*| {2}[A-Za-z-]+: \S.*|)$/);
  });
});

describe('metaPolicy', () => {
  it('reads the policy of a page’s meta element', () => {
    expect(metaPolicy(`<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${PAGE}"></head>`)).toBe(
      PAGE,
    );
    expect(metaPolicy('<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;">')).toBe(
      "default-src 'self'",
    );
    expect(metaPolicy('<head><title>x</title></head>')).toBeUndefined();
  });
});
