import type middy from '@middy/core';
import * as problemTexts from '../i18n/problem-texts';
import { TransportError } from './transport-errors';
import type { ApiContext, ApiEvent, ApiResult } from './types';

/** The largest JSON body any route takes: a petition with every party and document is ~30 KiB. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Our deepest body (a petition's party inside its list) is 3 levels; 16 leaves room and refuses abuse. */
export const MAX_JSON_DEPTH = 16;

/**
 * Parses a JSON body (base64 or not), insisting on application/json, a bounded size, valid UTF-8
 * and a bounded nesting depth, all checked on the raw text before anything walks the input:
 * JSON.parse and the normaliser recurse, and a few kilobytes of `[[[[…` must not cost a stack.
 */
export function jsonBody(): middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext> {
  return {
    before: (request) => {
      const { body, isBase64Encoded, headers } = request.event;
      if (body === undefined || body === '') return;
      const contentType = headers?.['content-type'] ?? '';
      if (!/^application\/(.+\+)?json\b/i.test(contentType))
        throw new TransportError(problemTexts.unsupportedMediaType);
      const text = isBase64Encoded ? decodeUtf8(Buffer.from(body, 'base64')) : body;
      if (Buffer.byteLength(text) > MAX_BODY_BYTES)
        throw new TransportError(problemTexts.bodyTooLarge, { maxBytes: MAX_BODY_BYTES });
      // API Gateway hands a text body over as a string; bytes that were not UTF-8 arrive as U+FFFD
      // (the local gateway decodes the same way), which no client sends on purpose.
      if (text.includes('\uFFFD') || !text.isWellFormed()) throw new TransportError(problemTexts.invalidEncoding);
      if (jsonDepth(text) > MAX_JSON_DEPTH)
        throw new TransportError(problemTexts.nestingTooDeep, { maxDepth: MAX_JSON_DEPTH });
      try {
        request.context.body = JSON.parse(text);
      } catch {
        throw new TransportError(problemTexts.malformedJson);
      }
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

/**
 * The deepest nesting of arrays and objects in a JSON text, found in one pass without parsing:
 * brackets inside strings do not count. Stops counting once past any useful limit.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}
