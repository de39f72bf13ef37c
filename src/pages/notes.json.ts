/**
 * `/notes.json`: every published note, for course pages and link checkers (DESIGN §6), with the ids of
 * its headings and, for a timeline, of its events and eras. Ordered by
 * URL, so the same vault gives the same bytes.
 */
import type { APIRoute } from 'astro';
import { getGarden } from '../garden/index.ts';
import { displayTitle, summaryOf } from '../lib/note/note-data.ts';
import { compareCodePoints } from '../lib/vault/files.ts';
import { sectionIds, shareUrl } from '../lib/site/embed-urls.ts';
import { embedsOf, eraEmbeds } from '../lib/site/note-embeds.ts';

export const GET: APIRoute = async () => {
  const garden = await getGarden();
  const notes = [...garden.notes]
    .sort((a, b) => compareCodePoints(a.url, b.url))
    .map((note) => {
      const course = garden.courseOf(note);
      const embeds = embedsOf(garden, note);
      const section = embeds.find((embed) => embed.view === 'section');
      const sections = new Set(section ? sectionIds(note) : []);
      return {
        url: note.url,
        title: displayTitle(note),
        type: note.type,
        course: course ? { title: course.note.title, url: course.note.url } : null,
        tags: note.tags,
        description: summaryOf(note) ?? null,
        updated: note.updated ?? note.created ?? null,
        // Each heading's share URL, and for a `##` one its section's embed: the note's, at the heading
        // (src/lib/site/embed-urls.ts).
        headings: note.headings.map((heading) => ({
          depth: heading.depth,
          text: heading.text,
          id: heading.id,
          share: shareUrl(note.url, heading.id),
          ...(section && sections.has(heading.id) ? { embed: shareUrl(section.url, heading.id) } : {}),
        })),
        // A timeline's events are deep-linkable like headings: `…/#1962-10-24-naval-blockade-of-cuba`.
        ...(note.type === 'timeline'
          ? {
              events: note.events.map((event) => ({
                id: event.id,
                date: event.date.edtf,
                title: event.title,
                share: shareUrl(note.url, event.id),
              })),
              // Each era with events, and its embed: the timeline's, showing that era only.
              eras: eraEmbeds(note),
            }
          : {}),
        // A term's share URL is its page's; its card is its embed.
        ...(note.type === 'term' ? { term: { name: note.term, share: shareUrl(note.url) } } : {}),
        // Every view other sites may frame, the main one (the oEmbed one) first.
        embeds: embeds.map((embed) => ({ view: embed.view, url: embed.url })),
        ...(note.redirects.length > 0 ? { redirectsFrom: note.redirects } : {}),
      };
    });
  // Compact: a machine reads it, and at 5 000 notes the indentation alone was 7 MB.
  return new Response(`${JSON.stringify({ notes })}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
