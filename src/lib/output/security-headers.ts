/**
 * The HTTP headers a static host should send with the site, as a `_headers` file (the format of
 * Netlify and Cloudflare Pages: a path pattern, then indented `Name: value` lines).
 *
 * Every page carries its own Content Security Policy in a `<meta>`. A browser applies a header
 * policy and a meta policy both (a load must pass each), so the header policy for all paths is
 * the pages' own policies joined: for each directive, every source any page allows. It restricts
 * no page more than its meta does, and covers what has no meta: XML, JSON, PDFs, images opened
 * directly. Hashes become `'unsafe-inline'` there — a wider allowance that keeps the line short
 * (hosts limit its length) while each page's meta still admits only its own hashes.
 *
 * Framing (clickjacking): `frame-ancestors` works only as a header. The embeds below `/embed/` may be
 * framed by the origins of the `embedOrigins` option (default: any); every other path sends
 * `X-Frame-Options: DENY`. Not `frame-ancestors 'none'` on `/*`: Cloudflare Pages (and the test
 * server, tests/helpers/serve.ts) give a path the headers of every rule it matches, joining two CSP
 * headers into two policies that both apply, so `'none'` would reach the embeds too. A browser
 * ignores X-Frame-Options where a policy has `frame-ancestors` (CSP Level 2), so the embeds' own
 * rule wins whether a host merges rules or, as Netlify does, lets the most specific one win.
 *
 * SVG files are documents too when opened at their own URL: they get a policy that runs nothing
 * and loads nothing from elsewhere (`sandbox`, `default-src 'none'`), on top of the sanitizer
 * (src/lib/output/svg-sanitize.ts).
 */

/** What an SVG opened directly may do: draw itself, with inline styles and inline images or fonts. */
export const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src data:; sandbox";

/** Where the build publishes SVG files from the vault: Astro's image pipeline and the media folder. */
export const SVG_PATHS = ['/_astro/*.svg', '/_media/*.svg'];

const COMMON_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

type Policy = Map<string, string[]>;

/** A policy's directives by name; a repeated directive counts once, the first time (as browsers do). */
export function parsePolicy(policy: string): Policy {
  const directives: Policy = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/** The directives a fetch directive falls back to when a policy lacks it (CSP Level 3). */
function fallbacks(name: string): string[] | undefined {
  const family = /^(script|style)-src-(elem|attr)$/.exec(name);
  if (family) return [`${family[1]}-src`, 'default-src'];
  if (name === 'worker-src') return ['child-src', 'script-src', 'default-src'];
  if (name === 'frame-src') return ['child-src', 'default-src'];
  if (name === 'default-src') return [];
  if (name.endsWith('-src')) return ['default-src'];
  // base-uri, form-action, frame-ancestors, sandbox…: absent means unrestricted.
  return undefined;
}

/** The sources a policy allows for a directive, or undefined when it does not restrict it. */
function effective(policy: Policy, name: string): string[] | undefined {
  const own = policy.get(name);
  if (own) return own;
  for (const fallback of fallbacks(name) ?? []) {
    const sources = policy.get(fallback);
    if (sources) return sources;
  }
  return undefined;
}

const HASH_OR_NONCE = /^'(?:sha(?:256|384|512)|nonce)-/i;

/**
 * One policy that allows, directive by directive, everything any of the given policies allows;
 * undefined when there are none. A directive some policy leaves unrestricted is left out.
 */
export function joinPolicies(policies: readonly string[]): string | undefined {
  if (policies.length === 0) return undefined;
  const parsed = policies.map(parsePolicy);
  const names = [...new Set(parsed.flatMap((policy) => [...policy.keys()]))];
  const directives: string[] = [];
  for (const name of names) {
    const lists = parsed.map((policy) => effective(policy, name));
    if (lists.some((list) => list === undefined)) continue;
    const sources = new Set<string>();
    for (const source of (lists as string[][]).flat()) {
      if (source.toLowerCase() === "'strict-dynamic'") continue;
      sources.add(HASH_OR_NONCE.test(source) ? "'unsafe-inline'" : source);
    }
    if (sources.size > 1) sources.delete("'none'");
    directives.push([name, ...sources].join(' ').trim());
  }
  return directives.join('; ');
}

/** The path pattern of the embeds, the only pages another site may frame. */
export const EMBED_PATHS = '/embed/*';

/** The `frame-ancestors` directive for the embeds: the allowed origins, `*` for any, `'none'` for none. */
export function frameAncestors(origins: readonly string[]): string {
  const sources = origins.includes('*') ? ['*'] : [...new Set(origins)];
  return `frame-ancestors ${sources.length > 0 ? sources.join(' ') : "'none'"}`;
}

export interface HeadersOptions {
  /** The embeds' own page policies (pages below /embed/). */
  embedPolicies?: readonly string[];
  /** Who may frame the embeds (the `embedOrigins` option); default any. */
  embedOrigins?: readonly string[];
}

/**
 * The `_headers` file: common headers, no framing and the joined page policy for every path; the
 * embeds' policy with who may frame them; the SVG policy for SVG files.
 */
export function headersFile(pagePolicies: readonly string[], options: HeadersOptions = {}): string {
  const pagePolicy = joinPolicies(pagePolicies);
  const all = [
    ...COMMON_HEADERS,
    ['X-Frame-Options', 'DENY'] as const,
    ...(pagePolicy ? [['Content-Security-Policy', pagePolicy] as const] : []),
  ];
  const embedPolicy = joinPolicies(options.embedPolicies ?? []);
  const framing = frameAncestors(options.embedOrigins ?? ['*']);
  const lines = [
    '# Security headers for Netlify, Cloudflare Pages and hosts that read this format; written by the build',
    '# (src/lib/output/security-headers.ts). nginx: see the README, Deploy.',
    '/*',
    ...all.map(([name, value]) => `  ${name}: ${value}`),
    '',
    '# The embeds: other sites may frame them (the embedOrigins option).',
    EMBED_PATHS,
    `  Content-Security-Policy: ${embedPolicy ? `${embedPolicy}; ` : ''}${framing}`,
  ];
  for (const path of SVG_PATHS) lines.push('', path, `  Content-Security-Policy: ${SVG_POLICY}`);
  return `${lines.join('\n')}\n`;
}

/** The Content Security Policy of a page's `<meta http-equiv>`, if it has one. */
export function metaPolicy(html: string): string | undefined {
  const meta = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i.exec(html)?.[0];
  const content = meta ? /\scontent=(?:"([^"]*)"|'([^']*)')/i.exec(meta) : null;
  const value = content?.[1] ?? content?.[2];
  return value
    ?.replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&quot;/gi, '"')
    .replace(/&amp;/gi, '&');
}
