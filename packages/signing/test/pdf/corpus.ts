/**
 * Access to the shared signed-document corpus (`../shared/corpora` next to the repository):
 * its manifest and the PDF bytes, gunzipped in memory for `container: gzip` entries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The corpus folder; resolved from this file so that any working directory works. */
export const CORPUS_DIR: URL = new URL('../../../../../shared/corpora/', import.meta.url);

export interface CorpusEntry {
  file: string;
  format: 'pdf' | 'xml' | 'jws';
  expect: 'valid' | 'invalid' | 'not-whole-document' | 'indeterminate-trust' | 'must-terminate' | 'unknown';
  why: string;
  signatures?: number | null;
  container?: 'gzip';
  size: number;
}

/** The manifest; throws with a clear message when the corpus is not where it should be. */
export function loadManifest(): CorpusEntry[] {
  const path = new URL('manifest.json', CORPUS_DIR);
  if (!existsSync(path)) {
    throw new Error(
      `Signed-document corpus not found at ${path.pathname}: the tests need ../shared/corpora next to the repository (see shared/corpora/README.md).`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as CorpusEntry[];
}

export function pdfEntries(): CorpusEntry[] {
  return loadManifest().filter((e) => e.format === 'pdf');
}

/** The document bytes (decompressed when stored gzipped). */
export function readEntry(e: CorpusEntry): Uint8Array {
  const raw = readFileSync(new URL(e.file, CORPUS_DIR));
  return new Uint8Array(e.container === 'gzip' ? gunzipSync(raw) : raw);
}

/** A corpus PDF by path relative to `pdf/`. */
export function readPdf(relative: string): Uint8Array {
  const entry = pdfEntries().find((e) => e.file === `pdf/${relative}`);
  if (entry === undefined) throw new Error(`not in the manifest: pdf/${relative}`);
  return readEntry(entry);
}
