/**
 * What a lecturer takes into a learning platform: each course as an IMS Common Cartridge 1.1
 * (`<course URL>course.imscc`, the format Moodle, Canvas, Blackboard and Brightspace import) of web
 * links, one per listed note and study page, grouped as the course page groups them; and the same
 * links as an HTML fragment to paste into any page editor. Both are made from the garden model's
 * course (its listed notes, in reading order), so an unpublished or hidden note is never in them.
 *
 * Links are absolute, on the site's `site` address; while `site` is the placeholder default there is
 * no cartridge (its links would lead nowhere). The zip is byte for byte the same for the same course:
 * fixed entry order, fixed dates, identifiers made from URLs (which the URL lock keeps), so a
 * re-imported cartridge updates the items of the first import where the platform matches them.
 */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import { displayTitle } from '../note/note-data.ts';
import type { CourseNote } from '../note/note-data.ts';
import type { SiteUrl } from '../util/types.ts';
import { courseToolLinks } from './course-tools.ts';
import { groupByKind, type Course } from './garden.ts';
import type { TextKey } from './i18n.ts';
import { KIND_TEXT } from './kind-text.ts';
import { hrefForUrl, urlKey } from './url.ts';
import { escapeHtmlText, linkSnippet } from './embed-urls.ts';

/** The cartridge's file name, below its course's URL. */
export const CARTRIDGE_FILE = 'course.imscc';

/** The schema default of `site`: a site still on it has no address of its own. */
export const PLACEHOLDER_SITE = 'https://notes.example.org';

/** A course's cartridge: its URL and one fixed file name (a URL always ends with `/`). */
export function cartridgeUrl(course: CourseNote): string {
  return `${course.url}${CARTRIDGE_FILE}`;
}

/**
 * Why a note's page or old URL cannot be at `url`: the cartridge of `courseUrls`' course is a file, so
 * no page can be at `<course URL>course.imscc/` or below it.
 */
export function cartridgeCollision(url: SiteUrl, courseUrls: ReadonlySet<string>): string | undefined {
  const key = urlKey(url);
  const segment = `/${CARTRIDGE_FILE}/`;
  for (let at = key.indexOf(segment); at !== -1; at = key.indexOf(segment, at + 1)) {
    const course = key.slice(0, at + 1);
    if (courseUrls.has(course)) return `${course}${CARTRIDGE_FILE}`;
  }
  return undefined;
}

/** The address links are made absolute on, or none while `site` is the placeholder. */
export function cartridgeSite(site: string): string | undefined {
  return new URL(site).origin === new URL(PLACEHOLDER_SITE).origin ? undefined : site;
}

export interface CourseLink {
  title: string;
  /** Absolute. */
  href: string;
}

export interface CourseLinkGroup {
  /** Stable across builds: the kind of note, or `tools`. */
  key: string;
  title: string;
  links: CourseLink[];
}

export interface CourseLinks {
  title: string;
  description?: string;
  /** The course page itself. */
  href: string;
  groups: CourseLinkGroup[];
}

type Text = (key: TextKey) => string;

/**
 * A course's links: its listed notes grouped by kind (briefs, notes, timelines, quizzes, glossary,
 * sub-courses, in reading order within each), as its page lists them, then its study pages.
 */
export function courseLinks(course: Course, site: string, t: Text): CourseLinks {
  const absolute = (url: SiteUrl) => new URL(hrefForUrl(url), site).href;
  const groups: CourseLinkGroup[] = groupByKind(course.notes).map((group) => ({
    key: group.type,
    title: t(KIND_TEXT[group.type].group),
    links: group.notes.map((note) => ({ title: displayTitle(note), href: absolute(note.url) })),
  }));
  groups.push({
    key: 'tools',
    title: t('studyTools'),
    links: courseToolLinks(course.note, course.notes).map((link) => ({
      title: link.title ?? t(link.label),
      href: absolute(link.url),
    })),
  });
  return {
    title: course.note.title,
    ...(course.note.description ? { description: course.note.description } : {}),
    href: absolute(course.note.url),
    groups,
  };
}

// Characters XML 1.0 cannot hold at all (a title is the author's text): dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An identifier (an XML NCName) made from what it names, the same in every build. */
function identifier(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 20)}`;
}

export const CC_NAMESPACE = 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1';
export const LOM_NAMESPACE = 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest';
export const WEBLINK_NAMESPACE = 'http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1';
const WEBLINK_TYPE = 'imswl_xmlv1p1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CC_PROFILE = 'http://www.imsglobal.org/profile/cc/ccv1p1';

/** The web link descriptor of one URL (CC 1.1 `imswl_v1p1`): opened in a new window, as a site of its own. */
export function webLinkXml(link: CourseLink): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<webLink xmlns="${WEBLINK_NAMESPACE}" xmlns:xsi="${XSI}" xsi:schemaLocation="${WEBLINK_NAMESPACE} ${CC_PROFILE}/ccv1p1_imswl_v1p1.xsd">`,
    `  <title>${escapeXml(link.title)}</title>`,
    `  <url href="${escapeXml(link.href)}" target="_blank"/>`,
    '</webLink>',
    '',
  ].join('\n');
}

export interface CartridgeFiles {
  manifest: string;
  /** Each web link's file, by its path in the cartridge, in manifest order. */
  links: Map<string, string>;
}

/**
 * The cartridge's files: `imsmanifest.xml` (one organization, one root item, an item per group and
 * under it an item per link) and a web link file per distinct URL, which every item of that URL uses.
 */
export function cartridgeFiles(links: CourseLinks, lang: string): CartridgeFiles {
  const resources = new Map<string, { id: string; file: string; link: CourseLink }>();
  const resourceOf = (link: CourseLink) => {
    let resource = resources.get(link.href);
    if (!resource) {
      const id = identifier('R', link.href);
      resource = { id, file: `links/${id}.xml`, link };
      resources.set(link.href, resource);
    }
    return resource;
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${identifier('M', links.href)}" xmlns="${CC_NAMESPACE}" xmlns:lomimscc="${LOM_NAMESPACE}" xmlns:xsi="${XSI}" xsi:schemaLocation="${CC_NAMESPACE} ${CC_PROFILE}/ccv1p1_imscp_v1p2_v1p0.xsd ${LOM_NAMESPACE} ${CC_PROFILE}/LOM/ccv1p1_lommanifest_v1p0.xsd">`,
    '  <metadata>',
    '    <schema>IMS Common Cartridge</schema>',
    '    <schemaversion>1.1.0</schemaversion>',
    '    <lomimscc:lom>',
    '      <lomimscc:general>',
    `        <lomimscc:title><lomimscc:string language="${escapeXml(lang)}">${escapeXml(links.title)}</lomimscc:string></lomimscc:title>`,
    ...(links.description
      ? [
          `        <lomimscc:description><lomimscc:string language="${escapeXml(lang)}">${escapeXml(links.description)}</lomimscc:string></lomimscc:description>`,
        ]
      : []),
    '      </lomimscc:general>',
    '    </lomimscc:lom>',
    '  </metadata>',
    '  <organizations>',
    '    <organization identifier="O_1" structure="rooted-hierarchy">',
    '      <item identifier="I_root">',
  ];
  for (const group of links.groups) {
    lines.push(`        <item identifier="${identifier('G', group.key)}">`, `          <title>${escapeXml(group.title)}</title>`);
    for (const link of group.links) {
      const resource = resourceOf(link);
      lines.push(
        `          <item identifier="${identifier('I', group.key, link.href)}" identifierref="${resource.id}">`,
        `            <title>${escapeXml(link.title)}</title>`,
        '          </item>',
      );
    }
    lines.push('        </item>');
  }
  lines.push('      </item>', '    </organization>', '  </organizations>', '  <resources>');
  for (const resource of resources.values())
    lines.push(
      `    <resource identifier="${resource.id}" type="${WEBLINK_TYPE}">`,
      `      <file href="${resource.file}"/>`,
      '    </resource>',
    );
  lines.push('  </resources>', '</manifest>', '');
  return {
    manifest: lines.join('\n'),
    links: new Map([...resources.values()].map((resource) => [resource.file, webLinkXml(resource.link)])),
  };
}

/**
 * Every entry's date. A zip stores local time: a date made of local parts reads back as the same parts
 * in every time zone, so the bytes do not depend on where the site is built.
 */
const ENTRY_DATE = () => new Date(1980, 0, 1, 12, 0, 0);

/** The cartridge file: the manifest first, then the web links, each with the same date. */
export function cartridgeZip(files: CartridgeFiles): Uint8Array<ArrayBuffer> {
  const utf8 = new TextEncoder();
  const mtime = ENTRY_DATE();
  const entries: Zippable = { 'imsmanifest.xml': [utf8.encode(files.manifest), { mtime }] };
  for (const [path, text] of files.links) entries[path] = [utf8.encode(text), { mtime }];
  return zipSync(entries, { level: 9 });
}

/** The course's links as plain HTML for a page of a learning platform: no class, style or script. */
export function courseLinksHtml(links: CourseLinks): string {
  const lines = [`<p>${linkSnippet(links.href, links.title)}</p>`];
  for (const group of links.groups) {
    lines.push(`<h3>${escapeHtmlText(group.title)}</h3>`, '<ul>');
    for (const link of group.links) lines.push(`  <li>${linkSnippet(link.href, link.title)}</li>`);
    lines.push('</ul>');
  }
  return `${lines.join('\n')}\n`;
}
