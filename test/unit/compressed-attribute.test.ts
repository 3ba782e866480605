import { brotliCompressSync } from 'node:zlib';
import { compressJson, decompressJson } from '../../shared/adapters/compressed-attribute';

const quote = {
  lines: Array.from({ length: 12 }, (_, i) => ({
    label: { fa: `هزینه دادرسی مرحله بدوی ${i}`, en: `First-instance court fee ${i}` },
    basis: 'ماده ۳ قانون وصول برخی از درآمدهای دولت',
    rials: 1_234_567 + i,
  })),
};

it('gives back the value it compressed, in a fraction of its JSON', () => {
  const stored = compressJson(quote);

  expect(decompressJson(stored)).toEqual(quote);
  expect(stored.byteLength).toBeLessThan(JSON.stringify(quote).length / 4);
});

it('reads a value compressed with Brotli’s default window, as petitions stored before the smaller one', () => {
  // Node's defaults (quality 11, a 4 MiB window), not the quality 6 stored before: a Brotli
  // stream names its window, and decoding depends on nothing else.
  const storedBefore = brotliCompressSync(JSON.stringify(quote));

  expect(decompressJson(storedBefore)).toEqual(quote);
});

it('passes a value stored before compression through unchanged', () => {
  expect(decompressJson(quote)).toBe(quote);
});
