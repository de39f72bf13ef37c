/** The site's checked options, as the garden integration (src/integration.ts) resolved them for this build. */
declare module 'virtual:garden/config' {
  const config: import('./config/options.ts').GardenConfig;
  export default config;
}

/** The client islands' messages of every dictionary, by its tag (src/lib/site/i18n.ts `clientTextByDictionary`). */
declare module 'virtual:garden/client-text' {
  const text: Readonly<Record<string, import('./lib/site/i18n.ts').ClientMessages>>;
  export default text;
}
