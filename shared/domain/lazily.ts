/**
 * A value made on first use and kept. For what is costly to make and not needed by every function
 * that imports its module: the first `Intl` formatter of a process loads ICU's data (about 24 ms
 * on the bench machine), a cold start pays it only if the first request formats something.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazily<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
