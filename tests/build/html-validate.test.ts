/** Quality gate: every page of the built default site is valid HTML (html-validate, recommended rules). */
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { expect, it } from 'vitest';
import { DEFAULT_SITE, PROJECT_ROOT, TMP, buildVault, listFiles } from '../helpers/build.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());
const format = formatterFactory('text');

async function problems(root: string): Promise<string> {
  const reports = await Promise.all(
    listFiles(root)
      .filter((file) => file.endsWith('.html'))
      .map((file) => validator.validateFile(join(root, file))),
  );
  const failed = reports.flatMap((report) => report.results).filter((result) => result.errorCount > 0);
  return failed.length === 0 ? '' : format(failed);
}

it('finds 0 errors on every page of the default site', async () => {
  expect(await problems(DEFAULT_SITE)).toBe('');
});

it('finds 0 errors on the pages of the link fixture vault (embeds, redirects, images)', async () => {
  const build = await buildVault({
    contentDir: 'tests/fixtures/vault-links',
    outDir: join(TMP, 'validate-links'),
    env: { GARDEN_URL_LOCK: '' },
  });
  expect(build.code, build.output).toBe(0);
  expect(await problems(build.outDir)).toBe('');
});

it('uses the project configuration', async () => {
  const report = await validator.validateString(
    '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="1962-x">ok</p><div><p></div></body></html>',
    join(PROJECT_ROOT, 'probe.html'),
  );
  expect(report.valid).toBe(false);
  expect(report.results[0]?.messages.map((message) => message.ruleId)).not.toContain('valid-id');
});
