import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FunctionSpec } from '../shared/routes';
import type { ApiHandler } from './gateway';

/**
 * Loads `functions/<id>.ts`, the same entry the CDK stack bundles for Lambda. With `instance`, each
 * loader gets its own copy of the function modules, as a new Lambda environment would: their
 * clients are made from the environment as it is now (the bench starts several stacks, each on
 * engines of its own, in one process).
 */
export function handlerLoader(projectRoot: string, options: { instance?: string } = {}) {
  const cache = new Map<string, Promise<unknown>>();
  return <H = ApiHandler>(spec: Pick<FunctionSpec, 'id'>): Promise<H> => {
    let loaded = cache.get(spec.id);
    if (!loaded) {
      const file = resolve(projectRoot, 'functions', `${spec.id}.ts`);
      const url = options.instance ? `${pathToFileURL(file).href}?instance=${options.instance}` : file;
      loaded = import(url).then((module: { handler: unknown }) => module.handler);
      cache.set(spec.id, loaded);
    }
    return loaded as Promise<H>;
  };
}
