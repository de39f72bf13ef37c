/**
 * `<course URL>course.imscc`: the course as an IMS Common Cartridge of web links, for a learning
 * platform to import (src/lib/site/course-cartridge.ts). Made only when `site` is the site's own address.
 */
import type { APIContext } from 'astro';
import { cartridgePaths } from '../../garden/index.ts';
import { cartridgeFiles, cartridgeSite, cartridgeZip, courseLinks } from '../../lib/site/course-cartridge.ts';
import type { Course } from '../../lib/site/garden.ts';
import { translator } from '../../lib/site/i18n.ts';
import siteConfig from 'virtual:garden/config';

export function getStaticPaths() {
  return cartridgePaths();
}

export function GET({ props }: APIContext) {
  const { course } = props as { course: Course };
  const site = cartridgeSite(siteConfig.site);
  if (!site) throw new Error('A course cartridge needs the site’s own address (`site`)');
  // In the course note's language, as its page is.
  const lang = course.note.lang ?? siteConfig.lang;
  const bytes = cartridgeZip(cartridgeFiles(courseLinks(course, site, translator(lang).t), lang));
  return new Response(bytes, { headers: { 'Content-Type': 'application/zip' } });
}
