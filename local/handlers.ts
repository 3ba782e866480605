import { resolve } from 'node:path';
import type { FunctionSpec } from '../shared/routes';
import type { ApiHandler } from './gateway';

/** Loads `functions/<id>.ts`, the same entry the CDK stack bundles for Lambda. */
export function handlerLoader(projectRoot: string) {
  const cache = new Map<string, Promise<unknown>>();
  return <H = ApiHandler>(spec: Pick<FunctionSpec, 'id'>): Promise<H> => {
    let loaded = cache.get(spec.id);
    if (!loaded) {
      loaded = import(resolve(projectRoot, 'functions', `${spec.id}.ts`)).then(
        (module: { handler: unknown }) => module.handler,
      );
      cache.set(spec.id, loaded);
    }
    return loaded as Promise<H>;
  };
}
