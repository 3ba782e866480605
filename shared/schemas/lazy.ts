import * as z from 'zod';

/**
 * How every schema module declares its schemas (test/unit/schemas-built-lazily.test.ts holds them
 * to it), for two savings at a function's cold start (issue 16):
 * - a schema is built on its first parse, not when its module loads: zod's classic schemas are
 *   costly to make, and a function parses a handful of the many its modules hold;
 * - the call is marked free of side effects, so esbuild drops every schema the function's code
 *   never reaches from its bundle: each bundle holds its own route's schemas and what they use.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazySchema<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  return z.lazy(build);
}

/**
 * The schema a lazy one builds, built once: for deriving another schema from it (`.extend()`,
 * `.omit()`, `.min()`). zod's own `.unwrap()` calls the builder again each time, making a second
 * copy whose `.meta({ id })` would claim the id in zod's registry.
 */
export function innerOf<T extends z.ZodType>(schema: z.ZodLazy<T>): T {
  return schema._zod.innerType;
}
