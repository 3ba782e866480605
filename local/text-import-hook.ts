import { readFile } from 'node:fs/promises';

interface LoadContext {
  format?: string;
  importAttributes?: Record<string, string>;
}
type NextLoad = (url: string, context: LoadContext) => Promise<{ format?: string; source?: unknown }>;

/**
 * A Node module hook: `import x from '…' with { type: 'text' }` gives the file's text, as esbuild
 * does when it bundles a function for Lambda. tsx, which runs the local backend, would otherwise
 * run the file as a module.
 */
export async function load(url: string, context: LoadContext, nextLoad: NextLoad) {
  if (context.importAttributes?.type !== 'text') return nextLoad(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}
