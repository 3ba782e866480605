import { register } from 'node:module';

/**
 * Makes the import attributes esbuild handles when it bundles a function (`with { type: 'text' }`,
 * `with { type: 'prepared-renderer' }`) work under tsx, for the handlers imported after this call.
 */
export function registerImportAttributes(): void {
  register('./import-attribute-hook.ts', import.meta.url);
}
