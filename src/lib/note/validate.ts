/**
 * Frontmatter validated against its kind's schema (src/lib/note/schema.ts), with every issue said in an
 * author's words: the key, what it must be, and what it was.
 */
import type { z } from 'zod';
import { classifyType } from './properties.ts';
import { frontmatterSchemas, NOTE_TYPES, type NoteFrontmatter } from './schema.ts';

export interface SchemaIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * Validates frontmatter against its kind's schema. The kind comes from `type` (default `note`); a
 * `type` of the author's own (`type: anatomy`) is kept as `ownType` and the note is a plain note.
 */
export function parseFrontmatter(
  data: Record<string, unknown>,
): { ok: true; value: NoteFrontmatter; ownType?: string } | { ok: false; issues: SchemaIssue[] } {
  const classified = classifyType(data.type, NOTE_TYPES, 'note');
  if ('nearMiss' in classified) {
    return {
      ok: false,
      issues: [
        {
          path: ['type'],
          message:
            `type "${classified.nearMiss}" is not a kind of note; did you mean ${classified.suggestion}? ` +
            `The kinds are ${NOTE_TYPES.join(', ')} (a type of your own that is not close to one of them is kept as a plain note)`,
        },
      ],
    };
  }
  const type = classified.kind;
  const result = frontmatterSchemas[type].safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({
        path: issue.path,
        message: describeIssue(issue, valueAt(data, issue.path)),
      })),
    };
  }
  return {
    ok: true,
    value: { ...result.data, type } as NoteFrontmatter,
    ...('own' in classified ? { ownType: classified.own } : {}),
  };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const key =
    issue.path.length > 0
      ? issue.path
          .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
          .join('')
          .replace(/^\./, '')
      : 'frontmatter';
  const got = describeValue(input);
  if (issue.code === 'invalid_type') {
    if (input === undefined) return `${key} is required`;
    return `${key} must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, not ${got}`;
  }
  // Unions say what they expect in their own words (`must be text`); zod's bare "Invalid input" never reaches an author.
  if (issue.message.startsWith('must be ')) return `${key} ${issue.message}, not ${got}`;
  if (issue.message === 'Invalid input') return `${key} cannot be ${got}`;
  return `${key}: ${issue.message}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false (without quotes)',
  object: 'a set of key: value pairs',
  array: 'a list',
};

function describeValue(input: unknown): string {
  if (Array.isArray(input)) return 'a list';
  if (input === null || input === undefined) return 'empty';
  if (typeof input === 'object') return 'a set of key: value pairs';
  return JSON.stringify(input);
}
