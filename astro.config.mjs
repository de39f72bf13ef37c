// @ts-check
import { defineConfig } from 'astro/config';
import garden from './src/integration.ts';

// The site's options (src/config/options.ts has them all, with their defaults); a GARDEN_* variable
// overrides one for one build. The integration sets Astro's own options and adds the others it needs.
export default defineConfig({
  // `npm run dev`, `npm run preview` and `npm start` serve here unless given `-- --port N`.
  server: { port: 4321 },
  integrations: [
    garden({
      title: 'Study Notes Garden',
      description: 'History study notes: briefs, timelines and a glossary, linked and searchable.',
      site: 'https://notes.example.org',
      lang: 'en',
      contentDir: 'content',
      brokenLinks: 'error',
      urlLock: 'url-lock.json',
      renderWorkers: 'auto',
      markdownProcessor: 'satteri',
      maxNoteSize: 2,
    }),
  ],
});
