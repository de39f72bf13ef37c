/**
 * The reader's colour theme: `system` (the default, following the device), `light` or `dark`, kept in
 * localStorage. The script that applies it runs inline in <head>, before the first paint, so a dark
 * page never flashes light; its hash lets the Content Security Policy allow exactly it.
 */
import { createHash } from 'node:crypto';

export const THEME_STORAGE_KEY = 'garden-theme';

export const THEME_SCRIPT = `document.documentElement.classList.add('js');try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/** The CSP source for the inline theme script: `sha256-…`. */
export function themeScriptHash(): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}`;
}
