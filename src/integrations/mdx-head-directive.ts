/**
 * For each MDX note Astro generates a module that collects its styles and scripts
 * (`<note>.mdx?astroPropagatedAssets`) and opens it with the directive `"use astro:head-inject";`.
 * Nothing reads that directive any more (Astro finds these modules by their id), and the bundler
 * cannot keep a module-level directive, so the first MDX note of every build printed a
 * MODULE_LEVEL_DIRECTIVE warning (withastro/astro#18087). Dropping the directive removes the cause;
 * every other warning still prints.
 */
import type { Plugin } from 'vite';

/** The id of the module Astro generates (PROPAGATED_ASSET_FLAG in astro/dist/content/consts.js). */
const PROPAGATED_ASSETS = /[?&]astroPropagatedAssets(?:[&=]|$)/;
const DIRECTIVE = /^(\s*)(["'])use astro:head-inject\2;/;

function withoutHeadInjectDirective(code: string): string {
  return code.replace(DIRECTIVE, '$1');
}

export function mdxHeadDirective(): Plugin {
  return {
    name: 'garden-mdx-head-directive',
    // After Astro's own plugin has generated the module.
    enforce: 'post',
    transform: {
      filter: { id: PROPAGATED_ASSETS },
      handler(code) {
        const stripped = withoutHeadInjectDirective(code);
        // Only a leading directive goes: lines and columns stay where they were.
        return stripped === code ? undefined : { code: stripped, map: null };
      },
    },
  };
}
