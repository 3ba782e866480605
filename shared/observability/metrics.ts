import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Metrics (CloudWatch embedded metric format), one per function, created at cold start; it reads
 * the service name and namespace from the environment the CDK function construct sets (traces:
 * tracing.ts). Dimensions stay low-cardinality: the service, never an office code,
 * and never anything personal.
 */
export const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'JudicialEServices' });

export { MetricUnit };

/**
 * Publishes this invocation's metrics, if it recorded any, plus the cold-start metric. Powertools'
 * own `logMetrics` warns on every invocation that records none, which would be most API calls.
 */
export function publishMetrics(): {
  before: (request: { context: { functionName: string } }) => void;
  after: () => void;
  onError: () => void;
} {
  const flush = () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return {
    before: (request) => metrics.captureColdStartMetric(request.context.functionName),
    after: flush,
    onError: flush,
  };
}
