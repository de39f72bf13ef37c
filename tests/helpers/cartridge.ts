/**
 * Checks a course cartridge (src/lib/site/course-cartridge.ts): its manifest and web link files against
 * the schemas of tests/fixtures/imscc (the CC 1.1 subset the site writes), and what the schemas cannot
 * say (libxml2 does not check IDREFs): every item's resource is in the manifest, every resource's file
 * in the cartridge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { PROJECT_ROOT } from './build.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/imscc');
const schema = (name: string) => ({ fileName: name, contents: readFileSync(join(FIXTURES, name), 'utf8') });

export interface CartridgeText {
  manifest: string;
  /** Each web link file by its path in the cartridge. */
  links: Iterable<[string, string]>;
}

/** Every problem of a cartridge's files; none when it is valid. */
export async function cartridgeErrors(files: CartridgeText): Promise<string[]> {
  const manifest = await validateXML({
    xml: { fileName: 'imsmanifest.xml', contents: files.manifest },
    schema: schema('imscp_v1p1.xsd'),
    preload: schema('lommanifest.xsd'),
  });
  const errors = manifest.errors.map((error) => error.rawMessage);
  const ids = new Set([...files.manifest.matchAll(/<resource identifier="([^"]+)"/g)].map((match) => match[1]));
  for (const match of files.manifest.matchAll(/identifierref="([^"]+)"/g))
    if (!ids.has(match[1])) errors.push(`no resource ${match[1]}`);
  const links = [...files.links];
  const paths = new Set(links.map(([path]) => path));
  for (const match of files.manifest.matchAll(/<file href="([^"]+)"/g))
    if (!paths.has(match[1] as string)) errors.push(`no file ${match[1]}`);
  for (const [path, contents] of links) {
    const link = await validateXML({ xml: { fileName: path.replace(/\//g, '_'), contents }, schema: schema('imswl_v1p1.xsd') });
    errors.push(...link.errors.map((error) => `${path}: ${error.rawMessage}`));
  }
  return errors;
}

/** A cartridge file's entries as text, in the zip's order. */
export function unzipCartridge(bytes: Uint8Array): { names: string[]; text: CartridgeText } {
  const entries = unzipSync(bytes);
  const names = Object.keys(entries);
  const text = (name: string) => strFromU8(entries[name] as Uint8Array);
  return {
    names,
    text: {
      manifest: text('imsmanifest.xml'),
      links: names.filter((name) => name !== 'imsmanifest.xml').map((name) => [name, text(name)]),
    },
  };
}
