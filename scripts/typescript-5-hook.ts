interface ResolveContext {
  parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<unknown>;

/**
 * A Node module hook: openapi-typescript imports `typescript` for its compiler API, which
 * TypeScript 7 (the project's type checker, a native binary) no longer has. Its imports get
 * TypeScript 5, installed as `typescript-5`; every other module keeps `typescript`.
 */
export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/openapi-typescript/'))
    return nextResolve('typescript-5', context);
  return nextResolve(specifier, context);
}
