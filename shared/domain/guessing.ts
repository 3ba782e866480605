/**
 * How many wrong national IDs (or unknown codes) one tracking code may take before it answers 429.
 * An HTTP API has no per-client rate limit, so the application itself stops a citizen's code from
 * being matched against national IDs by brute force: 5 misses in 15 minutes block it for the rest
 * of the window.
 */
export const GUESS_POLICY = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
} as const;
