import * as z from 'zod/mini';

/**
 * Environment configuration, parsed once at cold start. A missing or malformed variable stops the
 * function at load with the variable's name rather than failing later on a request, and there
 * are no defaults that would hide a forgotten variable.
 */
export function readEnv<S extends z.core.$ZodLooseShape>(
  shape: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<z.ZodMiniObject<S>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Configuration error: missing or invalid environment variable(s): ${names}`);
  }
  return result.data;
}

/** Endpoint overrides exist only in the local runtime; in AWS they are absent and the SDK's own apply. */
export const awsEnvShape = {
  AWS_REGION: z.string().check(z.minLength(1)),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  S3_ENDPOINT: z.optional(z.url()),
};

export const tableEnvShape = { ...awsEnvShape, TABLE_NAME: z.string().check(z.minLength(3)) };
