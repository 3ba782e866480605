import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/**
 * A JSON value stored as one compressed binary attribute: what AWS advises for large attribute
 * values that are only ever read whole ("Compressing large attribute values", DynamoDB best
 * practices for large items). Write units count started kilobytes of the whole item, so a
 * petition's fee quote (bilingual labels, bases and legal sources: 3 to 4 KB as a map, 1.3 KB
 * compressed) otherwise costs every write of the petition two or three more units, and every
 * transactional write twice that (`npm run bench`, submissions).
 *
 * Brotli at quality 6 in text mode: 0.45 ms to compress a quote on this machine against 3.9 ms at
 * 11, for 17% more bytes; decompressing takes 0.02 ms. A 64 KiB window instead of Brotli's 4 MiB
 * default: each compression makes a new encoder, which allocates and clears its window, and a
 * quote is a few kilobytes. A 3.2 KB quote in a fresh process took 9.3 ms to compress at first and
 * 6.0 ms after with the default window, 3.2 and 0.7 ms with this one, to the same size, 304
 * bytes (2026-11-29; in a loop, where the memory is reused, 0.29 and 0.06 ms). Every write of a
 * petition compresses its quote once, a cold draft or submission at its first write.
 */
const BROTLI_OPTIONS = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 6,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_LGWIN]: 16,
  },
};

export function compressJson(value: unknown): Uint8Array {
  return brotliCompressSync(JSON.stringify(value), BROTLI_OPTIONS);
}

/** The value back; a value stored before compression (a plain map) passes through unchanged. */
export function decompressJson<T>(stored: unknown): T {
  // isView, not instanceof: the bytes may come from another realm (Jest's sandbox, for one).
  if (!ArrayBuffer.isView(stored)) return stored as T;
  return JSON.parse(brotliDecompressSync(stored as Uint8Array).toString('utf8')) as T;
}
