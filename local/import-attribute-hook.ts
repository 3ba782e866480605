import { readFile } from 'node:fs/promises';

/**
 * Hooks run on a thread of their own, where tsx does not resolve our extensionless imports: the
 * preparation is loaded by its file's URL, with Node's own type stripping (as jest's transform does).
 */
const { PREPARED_RENDERER, prepareRenderer } = (await import(
  new URL('../shared/docs/prepare-renderer.ts', import.meta.url).href
)) as typeof import('../shared/docs/prepare-renderer');

interface LoadContext {
  format?: string;
  importAttributes?: Record<string, string>;
}
type NextLoad = (url: string, context: LoadContext) => Promise<{ format?: string; source?: unknown }>;

/**
 * A Node module hook for the imports esbuild resolves when it bundles a function for Lambda, which
 * tsx, running the local backend, would otherwise run as modules: `with { type: 'text' }` gives the
 * file's text, and `with { type: 'prepared-renderer' }` the docs renderer as infra/prepared-renderer.ts
 * bundles it.
 */
export async function load(url: string, context: LoadContext, nextLoad: NextLoad) {
  const type = context.importAttributes?.type;
  if (type !== 'text' && type !== PREPARED_RENDERER) return nextLoad(url, context);
  const text = await readFile(new URL(url), 'utf8');
  const value = type === 'text' ? text : prepareRenderer(text);
  return { format: 'module', source: `export default ${JSON.stringify(value)};`, shortCircuit: true };
}
