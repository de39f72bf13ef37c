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

/**
 * An embed's theme follows the page that frames it: `?theme=light` or `?theme=dark` in its URL, else
 * the device's setting (the reader's choice on this site is not the host page's).
 */
export const EMBED_THEME_SCRIPT = `document.documentElement.classList.add('js');var t=new URLSearchParams(location.search).get('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t`;

/** The CSP source for the inline embed theme script. */
export function embedThemeScriptHash(): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(EMBED_THEME_SCRIPT).digest('base64')}`;
}
