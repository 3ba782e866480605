import * as z from 'zod';

/** The reference page and its renderer are files, not JSON: the OpenAPI document names their media types. */
export const htmlPageSchema = z.lazy(() => z.string().meta({ description: 'An HTML page' }));
export const javascriptSchema = z.lazy(() => z.string().meta({ description: 'A JavaScript file' }));
