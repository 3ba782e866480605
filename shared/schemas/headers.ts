import * as z from 'zod/mini';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessage } from '../i18n/field-text';
import { lazySchema } from './lazy';

/** The headers the API reads, as their own small module: every bundle validates them. */
export const idempotencyKeySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .string({ error: fieldMessage(fieldTexts.idempotencyKey) })
    .check(z.regex(/^[A-Za-z0-9_-]{8,128}$/, { message: fieldMessage(fieldTexts.idempotencyKey) })),
);

/** The headers a submission reads, so that a missing key is reported as `header.idempotency-key`. */
export const idempotencyHeadersSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ 'idempotency-key': idempotencyKeySchema }),
);

/**
 * The body of a route that takes none, checked only when one was sent: as strict as any other, so
 * `{}` passes and every field in it is refused by name (a client that thinks the route reads a
 * field learns that it does not, instead of the field being ignored).
 */
export const noBodySchema = /* @__PURE__ */ lazySchema(() => z.strictObject({}));
