import * as z from 'zod';
import { fieldMessage } from '../i18n/messages';

/** The headers the API reads, as their own small module: every bundle validates them. */
export const idempotencyKeySchema = z.lazy(() =>
  z
    .string({ error: fieldMessage('idempotency-key') })
    .regex(/^[A-Za-z0-9_-]{8,128}$/, { message: fieldMessage('idempotency-key') }),
);

/** The headers a submission reads, so that a missing key is reported as `header.idempotency-key`. */
export const idempotencyHeadersSchema = z.lazy(() => z.object({ 'idempotency-key': idempotencyKeySchema }));
