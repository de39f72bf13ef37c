/** SVG attachments are rebuilt from an allow-list: nothing that runs or loads from elsewhere stays. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sanitizeCss, sanitizeSvg } from '../../src/lib/output/svg-sanitize.ts';

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${body}</svg>`;

function clean(source: string): string {
  const result = sanitizeSvg(source);
  if (!result.ok) throw new Error(result.reason);
  return result.svg;
}

/** Every element and attribute of a sanitized SVG, as an XML DOM. */
function parse(markup: string): Element {
  const { document } = parseHTML(`<div>${markup}</div>`);
  return document.querySelector('div') as Element;
}

/** What no sanitized SVG may contain, whatever the input. */
function expectInert(markup: string): void {
  const root = parse(markup);
  const lower = markup.toLowerCase();
  for (const tag of ['script', 'foreignobject', 'iframe', 'object', 'embed', 'html', 'body', 'div', 'img']) {
    expect(root.querySelectorAll(tag).length, tag).toBe(0);
  }
  expect(lower).not.toContain('javascript:');
  expect(lower).not.toContain('@import');
  expect(lower).not.toMatch(/url\(\s*['"]?(?!#)/);
  expect(lower).not.toContain('attacker');
  expect(lower).not.toContain('<!doctype');
  expect(lower).not.toContain('<?');
  for (const element of root.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      expect(name.startsWith('on'), `${element.tagName} ${name}`).toBe(false);
      if (name === 'href' || name === 'xlink:href') {
        expect(element.getAttribute(name), `${element.tagName} ${name}`).toMatch(/^(#|data:image\/png;base64,)/);
      }
    }
  }
}

const HOSTILE: Record<string, string> = {
  script: svg('<script>alert(1)</script><circle r="5"/>'),
  'script in CDATA': svg('<script><![CDATA[alert(1)]]></script>'),
  'script in another namespace': svg('<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>'),
  'svg-prefixed script': svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'),
  onload: svg('<rect width="5" height="5"/>', ' onload="alert(1)"'),
  'handlers on shapes': svg('<rect onclick="alert(1)" onmouseover="alert(2)" OnFocus="alert(3)"/>'),
  'foreignObject with HTML': svg(
    '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/><iframe src="javascript:alert(2)"></iframe></div></foreignObject>',
  ),
  'external use': svg('<use href="https://attacker.example/sprite.svg#icon"/>'),
  'external use (xlink)': svg('<use xlink:href="https://attacker.example/sprite.svg#icon"/>'),
  'relative use': svg('<use href="other.svg#icon"/>'),
  'javascript link': svg('<a href="javascript:alert(1)"><text>x</text></a>'),
  'javascript link (xlink, spaced)': svg('<a xlink:href=" java&#x09;script:alert(1)"><text>x</text></a>'),
  'external link': svg('<a href="https://attacker.example/"><text>x</text></a>'),
  'style @import': svg('<style>@import url(https://attacker.example/x.css); rect { fill: red }</style>'),
  'style @import string': svg('<style>@IMPORT "https://attacker.example/x.css"; rect { fill: red }</style>'),
  'style url()': svg(
    '<style>rect { fill: url("https://attacker.example/p.svg#p"); background: url(//attacker.example/b.png) }</style>',
  ),
  'style escapes': svg('<style>rect { background: u\\72l(https://attacker.example/b.png) }</style>'),
  'style image-set': svg('<style>rect { background: image-set("https://attacker.example/b.png" 1x) }</style>'),
  'style attribute url()': svg(
    '<rect style="fill: url(https://attacker.example/f.svg#f); cursor: url(https://attacker.example/c.cur), auto"/>',
  ),
  'presentation attribute url()': svg(
    '<rect fill="url(https://attacker.example/f.svg#f)" filter="url(&quot;https://attacker.example/x#f&quot;)"/>',
  ),
  'external image': svg('<image href="https://attacker.example/tracker.png" width="1" height="1"/>'),
  'external image (xlink)': svg('<image xlink:href="https://attacker.example/tracker.png"/>'),
  'svg data image': svg('<image href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+"/>'),
  'html data link': svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a>'),
  feImage: svg('<filter id="f"><feImage href="https://attacker.example/x.png"/></filter>'),
  'xlink prefix aliased': svg('<use xmlns:l="http://www.w3.org/1999/xlink" l:href="https://attacker.example/x.svg#a"/>'),
  'xml:base': svg('<g xml:base="https://attacker.example/"><use href="#a"/></g>'),
  'set href': svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
  'animate xlink:href': svg('<a><animate attributeName="xlink:href" values="javascript:alert(1)"/><text>x</text></a>'),
  'animate to an external paint': svg('<rect><animate attributeName="fill" to="url(https://attacker.example/p#p)"/></rect>'),
  'animate an event handler': svg('<rect><set attributeName="onclick" to="alert(1)"/></rect>'),
  'xml-stylesheet': `<?xml-stylesheet type="text/xsl" href="https://attacker.example/x.xsl"?>${svg('<rect/>')}`,
  'entity with markup': `<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]>${svg('<g>&s;</g>')}`,
  'entity in an attribute': `<!DOCTYPE svg [<!ENTITY j "javascript:alert(1)">]>${svg('<a href="&j;"><text>x</text></a>')}`,
  'XHTML default namespace': '<svg xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script><rect/></svg>',
  'iframe and object': svg('<iframe src="https://attacker.example/"/><object data="x.swf"/><embed src="x"/>'),
};

describe('hostile SVGs', () => {
  for (const [name, source] of Object.entries(HOSTILE)) {
    it(`makes inert: ${name}`, () => expectInert(clean(source)));
  }

  it('keeps the drawing around what it removes', () => {
    const out = parse(clean(HOSTILE['script'] as string));
    expect(out.querySelectorAll('circle').length).toBe(1);
    expect(parse(clean(HOSTILE['style @import'] as string)).querySelector('style')?.textContent).toBe('rect { fill: red }');
  });

  it('says what it removed', () => {
    const result = sanitizeSvg(svg('<script>alert(1)</script><use href="https://attacker.example/x#a"/>', ' onload="x()"'));
    expect(result.ok && result.removed).toEqual(['<script>', 'href=', 'onload=']);
  });

  it('refuses nested entities (a "billion laughs" file) instead of expanding them', () => {
    const laughs = `<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${svg('<text>&c;</text>')}`;
    const result = sanitizeSvg(laughs);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('entity');
  });

  it('refuses entities that would blow the file up', () => {
    const big = 'x'.repeat(100_000);
    const result = sanitizeSvg(`<!DOCTYPE svg [<!ENTITY a "${big}">]>${svg('<text>' + '&a;'.repeat(20) + '</text>')}`);
    expect(result.ok).toBe(false);
  });

  it('refuses an external entity (it is never read)', () => {
    const result = sanitizeSvg(`<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`);
    expect(result.ok).toBe(false);
  });

  it('gives the line and column of a parse error', () => {
    const result = sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n</svg>');
    expect(result).toMatchObject({ ok: false, line: 3 });
    expect(!result.ok && result.reason).toMatch(/not well-formed/);
  });

  it('refuses a file whose root is not <svg>', () => {
    expect(sanitizeSvg('<html><body>x</body></html>')).toMatchObject({ ok: false, reason: expect.stringContaining('<html>') });
  });
});

describe('harmless SVGs', () => {
  const inkscape = readFileSync('tests/fixtures/vault-svg/attachments/harmless.svg', 'utf8');

  it('keeps an Inkscape drawing: gradients, symbols, <use href="#…">, styles, text', () => {
    const out = clean(inkscape);
    const root = parse(out);
    const drawn = (markup: Element) =>
      [...markup.querySelectorAll('*')]
        .filter((element) => !/^(sodipodi|inkscape):/i.test(element.tagName))
        .map((element) =>
          [
            element.tagName.toLowerCase(),
            ...element
              .getAttributeNames()
              .filter((name) => !/^(inkscape|sodipodi|xmlns)/.test(name))
              .sort()
              .map((name) => `${name}=${element.getAttribute(name)}`),
          ].join(' '),
        );
    expect(drawn(root)).toEqual(drawn(parse(inkscape.replace(/<\?xml[^>]*>|<!--[^>]*-->/g, ''))));
    expect(root.querySelector('text')?.textContent).toBe('Moscow 1956');
    expect(root.querySelector('style')?.textContent).toContain('.label { font: 14px sans-serif; fill: #123; }');
    expect(out).not.toContain('inkscape');
  });

  it('keeps an Excalidraw-like export: embedded font and raster image, markers, links inside the file', () => {
    const source = svg(
      '<defs><style class="style-fonts">@font-face { font-family: "Virgil"; src: url(data:font/woff2;base64,d09GMgABAAAA); }</style>' +
        '<marker id="arrow" markerWidth="10" markerHeight="10" refX="5" refY="5" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>' +
        '<rect x="0" y="0" width="100" height="50" fill="#ffffff"/>' +
        '<g stroke-linecap="round" transform="translate(10 10) rotate(0 40 15)"><path d="M0 0 C 20 10, 40 10, 80 0" stroke="#1e1e1e" stroke-width="2" fill="none" marker-end="url(#arrow)"/></g>' +
        '<image href="data:image/png;base64,iVBORw0KGgo=" x="0" y="0" width="10" height="10"/>' +
        '<a href="#arrow"><text x="10" y="40" font-family="Virgil, Segoe UI Emoji" font-size="16px" fill="#1e1e1e" text-anchor="start" style="white-space: pre;" direction="ltr">Hello &amp; &lt;world&gt;</text></a>' +
        '<animateTransform attributeName="transform" type="rotate" from="0" to="360" dur="2s" repeatCount="indefinite"/>',
      ' viewBox="0 0 100 50" width="100" height="50"',
    );
    // The same XML: only the quotes of the style text come out escaped.
    expect(clean(source)).toBe(source.replace('"Virgil"', '&quot;Virgil&quot;'));
  });

  it('is stable: a sanitized SVG comes out the same', () => {
    for (const source of [inkscape, ...Object.values(HOSTILE).filter((source) => sanitizeSvg(source).ok)]) {
      const once = clean(source);
      expect(clean(once)).toBe(once);
    }
  });
});

describe('CSS of an SVG', () => {
  it('keeps plain rules and local references', () => {
    const css = '.a { fill: url(#g); stroke: #000 } @media (prefers-color-scheme: dark) { .a { fill: #fff } }';
    expect(sanitizeCss(css)).toBe(css);
  });

  it('drops imports and turns external url() into none', () => {
    expect(sanitizeCss('@import "x.css"; .a { background: url(x.png) }')).toBe('.a { background: none }');
  });

  it('drops a sheet it cannot read with certainty', () => {
    expect(sanitizeCss('.a { background: u\\rl(x) }')).toBe('');
    expect(sanitizeCss('.a { background: url(x }')).toBe('');
    expect(sanitizeCss('.a { behavior: url(#x) }')).toBe('');
  });
});
