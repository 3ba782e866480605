import type middy from '@middy/core';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../domain/webhook-signature';
import * as problemTexts from '../i18n/problem-texts';
import { logger } from '../observability/logger';
import { TransportError } from './transport-errors';
import type { ApiContext, ApiEvent, ApiResult } from './types';

/**
 * Refuses (401) a webhook call whose HMAC signature does not verify over the raw body with one of
 * the shared secrets, before the body is parsed or anything is read or written. The secrets are
 * asked for at each call (cached by their source), so a rotated secret is picked up without a deploy.
 */
export function signedWebhook(options: {
  secrets: () => Promise<readonly string[]>;
  now?: () => Date;
}): middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext> {
  return {
    before: async (request) => {
      const { body, isBase64Encoded, headers } = request.event;
      const rawBody = body === undefined ? '' : isBase64Encoded ? Buffer.from(body, 'base64') : body;
      const verdict = verifyWebhookSignature(
        { rawBody, signature: headers?.[SIGNATURE_HEADER], timestamp: headers?.[TIMESTAMP_HEADER] },
        { secrets: await options.secrets(), now: options.now?.() ?? new Date() },
      );
      if (!verdict.ok) {
        // The reason helps an operator tell a clock skew from a wrong secret; it holds no data.
        logger.warn('webhook signature refused', { reason: verdict.reason });
        throw new TransportError(problemTexts.badSignature);
      }
    },
  };
}
