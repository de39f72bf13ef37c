/** The site's checked options, as the garden integration (src/integration.ts) resolved them for this build. */
declare module 'virtual:garden/config' {
  const config: import('./config/options.ts').GardenConfig;
  export default config;
}
