import * as z from 'zod/mini';

/**
 * Schemas are written with zod/mini, the build of zod whose checks and wrappers are functions
 * (`z.optional(s)`, `s.check(z.maxLength(9))`) instead of methods on every schema: esbuild keeps
 * only those a function uses, about 25 KiB of zod in a bundle instead of 90, and a schema is
 * cheaper to make (test/infra/bundle-routes.test.ts refuses the classic build in any bundle).
 *
 * How every schema module declares its schemas (test/unit/schemas-built-lazily.test.ts holds them
 * to it), for two savings at a function's cold start (issue 16):
 * - a schema is built on its first parse, not when its module loads: a function parses a handful
 *   of the many its modules hold;
 * - the call is marked free of side effects, so esbuild drops every schema the function's code
 *   never reaches from its bundle: each bundle holds its own route's schemas and what they use.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazySchema<T extends z.ZodMiniType>(build: () => T): z.ZodMiniLazy<T> {
  return z.lazy(build);
}

/**
 * The schema a lazy one builds, built once: for deriving another schema from it (`z.extend()`,
 * `z.omit()`, `.check()`). zod's own `.unwrap()` calls the builder again each time, making a second
 * copy whose registered `id` would claim the id in zod's registry.
 */
export function innerOf<T extends z.ZodMiniType>(schema: z.ZodMiniLazy<T>): T {
  return schema._zod.innerType;
}

/**
 * `schema` with a description for the published contract: a copy, as zod classic's `.describe()`
 * made. Not `.check(z.describe())`: that copy has a definition of its own, so a lazy schema copied
 * before its first build would build its inner schema a second time, and a second schema with the
 * same `id` breaks the OpenAPI document. A copy made by `.clone()` shares the built schema.
 */
/* @__NO_SIDE_EFFECTS__ */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, { description });
  return copy;
}
