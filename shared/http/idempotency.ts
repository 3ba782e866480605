import { idempotencyHeadersSchema } from '../schemas/petition';
import { parseInput } from '../schemas/validate';
import type { ApiEvent } from './types';

/**
 * The request's Idempotency-Key, or a 400 naming the header. What the key binds (the petition and
 * body) and the answer it keeps are stored with the submission itself, in one transaction
 * (use-cases/petitions.ts): the library way kept them apart and let a refused reuse delete the
 * first answer's record.
 */
export function idempotencyKeyOf(event: ApiEvent): string {
  return parseInput(idempotencyHeadersSchema, event.headers ?? {}, 'header')['idempotency-key'];
}
