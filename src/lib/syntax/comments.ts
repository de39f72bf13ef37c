/**
 * Obsidian `%%comments%%`: author notes that Obsidian hides in reading view and the site never
 * publishes. Removed from the Markdown source before parsing, because a comment may span blocks,
 * keeping every newline so that line numbers in later messages still point at the author's file.
 * Fenced code blocks and inline code spans are left alone: `%%` there is text.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function stripComments(markdown: string): string {
  if (!markdown.includes('%%')) return markdown;
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (const line of lines) {
    if (!inComment && fence) {
      out.push(line);
      const closing = FENCE.exec(line)?.[1];
      if (closing && closing[0] === fence[0] && closing.length >= fence.length && line.trim() === closing) fence = undefined;
      continue;
    }
    if (!inComment) {
      const opening = FENCE.exec(line)?.[1];
      if (opening) {
        fence = opening;
        out.push(line);
        continue;
      }
    }
    let kept = '';
    let i = 0;
    while (i < line.length) {
      if (inComment) {
        const end = line.indexOf('%%', i);
        if (end === -1) {
          i = line.length;
        } else {
          inComment = false;
          i = end + 2;
        }
        continue;
      }
      if (line[i] === '`') {
        const run = /^`+/.exec(line.slice(i))?.[0] as string;
        const close = line.indexOf(run, i + run.length);
        if (close !== -1) {
          kept += line.slice(i, close + run.length);
          i = close + run.length;
          continue;
        }
        kept += run;
        i += run.length;
        continue;
      }
      if (line.startsWith('%%', i)) {
        inComment = true;
        i += 2;
        continue;
      }
      kept += line[i];
      i += 1;
    }
    // A line that held only a comment becomes blank, so it cannot glue two paragraphs together oddly.
    out.push(kept.trim() === '' && kept !== line ? '' : kept);
  }
  return out.join('\n');
}
