import { resolve } from 'node:path';
import type { RouteDefinition } from '../shared/routes';
import type { ApiHandler } from './gateway';

/** Loads `functions/<id>.ts`, the same entry the CDK stack bundles for Lambda. */
export function handlerLoader(projectRoot: string) {
  const cache = new Map<string, Promise<ApiHandler>>();
  return (route: RouteDefinition): Promise<ApiHandler> => {
    let loaded = cache.get(route.id);
    if (!loaded) {
      loaded = import(resolve(projectRoot, 'functions', `${route.id}.ts`)).then((module: { handler: ApiHandler }) => module.handler);
      cache.set(route.id, loaded);
    }
    return loaded;
  };
}
