import type middy from '@middy/core';
import * as problemTexts from '../i18n/problem-texts';
import { MAX_BODY_BYTES } from './json-body';
import { TransportError } from './transport-errors';
import type { ApiContext, ApiEvent, ApiResult } from './types';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * Parses an HTML form body (what a payment gateway's page makes the payer's browser post back):
 * `application/x-www-form-urlencoded` only, the same size and UTF-8 rules as JSON bodies, and no
 * field twice (which value would be the real amount?). The fields land on `context.body` as a
 * plain record of strings, for the route's request schema to check.
 */
export function formBody(): middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext> {
  return {
    before: (request) => {
      const { body, isBase64Encoded, headers } = request.event;
      if (body === undefined || body === '') return;
      const contentType = headers?.['content-type'] ?? '';
      if (!contentType.toLowerCase().startsWith(FORM_CONTENT_TYPE)) {
        throw new TransportError(problemTexts.unsupportedMediaType, { expected: FORM_CONTENT_TYPE });
      }
      const text = isBase64Encoded ? decodeUtf8(Buffer.from(body, 'base64')) : body;
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
        throw new TransportError(problemTexts.bodyTooLarge, { maxBytes: MAX_BODY_BYTES });
      }
      let params: URLSearchParams;
      try {
        params = new URLSearchParams(text);
      } catch {
        throw new TransportError(problemTexts.malformedForm);
      }
      const fields: Record<string, string> = Object.create(null);
      for (const [name, value] of params) {
        if (Object.hasOwn(fields, name)) throw new TransportError(problemTexts.malformedForm);
        // Percent-escapes of bytes that are not UTF-8 decode to U+FFFD: refused, as in JSON bodies.
        if (`${name}${value}`.includes('\uFFFD') || !`${name}${value}`.isWellFormed()) {
          throw new TransportError(problemTexts.invalidEncoding);
        }
        fields[name] = value;
      }
      request.context.body = { ...fields };
    },
  };
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TransportError(problemTexts.invalidEncoding);
  }
}
