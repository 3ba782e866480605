import * as z from 'zod/mini';
import { lazySchema } from './lazy';

/** The reference page and its renderer are files, not JSON: the OpenAPI document names their media types. */
export const htmlPageSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().register(z.globalRegistry, { description: 'An HTML page' }),
);
export const javascriptSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().register(z.globalRegistry, { description: 'A JavaScript file' }),
);
