declare namespace App {
  interface Locals {
    /** The page's language (BCP 47), set by a page whose note has its own `lang` (src/components/page-lang.ts). */
    lang?: string;
  }
}
