import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * The AWS SDK's generated schemas (each client's `dist-es/schemas/schemas_0.js`) write their
 * traits with computed keys whose names are string constants of the same file:
 * `{ [_hH]: "x-amz-meta-" }`, `_hH` being `"httpHeader"`. esbuild cannot tell that a computed key
 * has no side effect (a key may run a getter or `toString`), so it keeps every statement holding
 * one: every operation's schema stays in a bundle, whether its command is imported or not. S3's
 * operations all carry HTTP traits, so a function sending three of S3's commands loaded the
 * schemas of all of them: 65 KiB, of which this leaves 12.
 *
 * The SDK's bug report is aws/aws-sdk-js-v3#7607 (open), and the generator's fix,
 * smithy-lang/smithy-typescript#1889 (open), writes each key as a string literal. This plugin does
 * the same at bundling: it replaces a computed key naming one of the file's string constants by
 * that string, and changes nothing else. A key it cannot resolve is left as it is
 * (test/infra/sdk-schema-keys.test.ts checks that no installed client has one). Once the SDK ships
 * the fix, the plugin finds nothing to replace and can go.
 *
 * The files: each client's schemas, and those of the SDK's own nested clients (STS, SSO, sign-in,
 * which the credential providers load on demand).
 */
export const SDK_SCHEMA_FILE = new RegExp(
  String.raw`[\\/]@aws-sdk[\\/](client-[^\\/]+|nested-clients[\\/]dist-es[\\/]submodules[\\/][^\\/]+)` +
    String.raw`[\\/](dist-es[\\/])?schemas[\\/]schemas_\d+\.js$`,
);

/** `source` with each `[_name]:` key that names a top-level string constant written as that string. */
export function literalTraitKeys(source: string): string {
  const strings = new Map<string, string>();
  for (const [, name, literal] of source.matchAll(/^const (_[\w$]*) = ("[^"\\\n]*");$/gm))
    if (name && literal) strings.set(name, literal);
  return source.replace(/([{,]\s*)\[(_[\w$]*)\](\s*:)/g, (key, before: string, name: string, colon: string) => {
    const literal = strings.get(name);
    return literal === undefined ? key : `${before}${literal}${colon}`;
  });
}

export const literalSchemaTraitKeys: Plugin = {
  name: 'literal-schema-trait-keys',
  setup(build) {
    build.onLoad({ filter: SDK_SCHEMA_FILE }, async ({ path }) => ({
      contents: literalTraitKeys(await readFile(path, 'utf8')),
      loader: 'js',
    }));
  },
};
