/**
 * An `.mdx` note that does not compile fails the build when the bundler reaches it, after the vault
 * check. The author's problem is the note's file and line, not the bundler's stack: this plugin
 * rewrites such an error, in place, as the vault's problems are said (`file:line: message`, no stack
 * trace). Other errors are left as they are.
 */
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import type { Problem } from '../lib/util/types.ts';
import { formatProblems } from '../lib/vault/problems.ts';

interface BundlerError extends Error {
  id?: string;
  loc?: { file?: string; line?: number };
  /** The bundler hands `buildEnd` one error that holds those of the plugins. */
  errors?: unknown[];
}

/** The problem an MDX compile error is about, if it is one. */
function mdxProblem(error: BundlerError, projectRoot: string): Problem | undefined {
  const file = error.loc?.file ?? error.id?.split('?')[0];
  if (!file?.endsWith('.mdx')) return undefined;
  // The compiler starts its message with the line and column the location already gives.
  const reason = error.message.replace(/^\d+:\d+(?:-\d+:\d+)?: /, '');
  return {
    file: relative(projectRoot, file).split('\\').join('/'),
    ...(error.loc?.line ? { line: error.loc.line } : {}),
    message: `the MDX does not compile: ${reason}`,
  };
}

export function mdxProblems(projectRoot: string): Plugin {
  return {
    name: 'garden-mdx-problems',
    apply: 'build',
    buildEnd(error?: BundlerError) {
      for (const each of error?.errors ?? (error ? [error] : [])) {
        if (!(each instanceof Error)) continue;
        const problem = mdxProblem(each, projectRoot);
        if (!problem) continue;
        each.message = `The vault has 1 problem:\n${formatProblems([problem])}`;
        each.stack = '';
        // The location is in the message; Astro would print it again.
        delete (each as BundlerError).loc;
      }
    },
  };
}
