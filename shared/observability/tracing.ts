import type { Tracer } from '@aws-lambda-powertools/tracer';
import type middy from '@middy/core';

/**
 * X-Ray tracing (Powertools Tracer), loaded at the first invocation instead of at module load.
 *
 * Why: the Tracer brings the X-Ray SDK and its context library (cls-hooked), about 30 ms of module
 * load on the bench machine (a fifth of a data function's, bundled as one file). Loaded by the first
 * middleware instead, it is in place before the handler's first AWS call, so every invocation is
 * traced as before: Lambda's segment, the handler's subsegment with its ColdStart and Service
 * annotations, and a subsegment of each AWS call (test/handlers/lambda-tracing.test.ts). The first
 * answer waits for it as it did; module load does not.
 *
 * Clients made at module scope (shared/adapters/aws-clients.ts) are handed to `traced` and
 * instrumented when the Tracer arrives; clients made later are instrumented at once.
 */
let tracer: Tracer | undefined;
let loading: Promise<middy.MiddlewareObj> | undefined;
const waiting = new Set<object>();

/** The client, with a subsegment of each call once the Tracer is loaded (the same instance). */
export function traced<C extends object>(client: C): C {
  if (tracer) return tracer.captureAWSv3Client(client);
  waiting.add(client);
  return client;
}

function loadTracing(): Promise<middy.MiddlewareObj> {
  loading ??= Promise.all([
    import('@aws-lambda-powertools/tracer'),
    import('@aws-lambda-powertools/tracer/middleware'),
  ]).then(([{ Tracer }, { captureLambdaHandler }]) => {
    const loaded = new Tracer();
    for (const client of waiting) loaded.captureAWSv3Client(client);
    waiting.clear();
    tracer = loaded;
    // The trace leaves the answer out: the Tracer would record it as metadata, and the token
    // trigger's answer is the Cognito event with the user's e-mail and phone number.
    return captureLambdaHandler(loaded, { captureResponse: false }) as middy.MiddlewareObj;
  });
  // A Tracer that failed to load (it ships in the bundle, so a broken deployment) fails this
  // invocation, as a failed init did, and the next one tries again instead of failing for good.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The invocation traced (Powertools' captureLambdaHandler), the Tracer loaded on the first. */
export function tracing(): middy.MiddlewareObj {
  let traceHandler: middy.MiddlewareObj | undefined;
  return {
    before: async (request) => {
      traceHandler ??= await loadTracing();
      await traceHandler.before?.(request);
    },
    after: async (request) => {
      await traceHandler?.after?.(request);
    },
    onError: async (request) => {
      await traceHandler?.onError?.(request);
    },
  };
}
