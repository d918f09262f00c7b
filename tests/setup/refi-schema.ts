// Checks QDA-XML against the official REFI-QDA schemas with xmllint (Debian's libxml2-utils).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REFI_FIXTURES = new URL('../fixtures/refi/', import.meta.url).pathname;
export const CODEBOOK_XSD = join(REFI_FIXTURES, 'Codebook-mrt2019.xsd');

export const refiFixture = (name: string): string => readFileSync(join(REFI_FIXTURES, name), 'utf8');

/** xmllint's complaint about `xml` against the schema `xsd`, or '' when the file validates. */
export function schemaErrors(xml: string, xsd = CODEBOOK_XSD): string {
  const dir = mkdtempSync(join(tmpdir(), 'refi-schema-'));
  try {
    const file = join(dir, 'file.xml');
    writeFileSync(file, xml, 'utf8');
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    return e.stderr?.toString() || e.message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
