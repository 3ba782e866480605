import { documentVerificationDepsFromEnv } from '../shared/adapters/from-env';
import { eventHandler } from '../shared/observability/event-handler';
import { logger } from '../shared/observability/logger';
import { MetricUnit, metrics } from '../shared/observability/metrics';
import { verifyArrival } from '../shared/use-cases/documents';

const deps = documentVerificationDepsFromEnv();

/** The EventBridge "Object Created" event S3 sends for the documents bucket. */
export interface ObjectCreatedEvent {
  'detail-type': 'Object Created';
  source: 'aws.s3';
  detail: { bucket: { name: string }; object: { key: string; size?: number } };
}

/**
 * Verifies each object as it arrives. A thrown error (S3 or DynamoDB unreachable) makes Lambda
 * retry the event and finally park it in the dead-letter queue; only a real mismatch rejects.
 */
export const handler = eventHandler<ObjectCreatedEvent>().handler(async (event) => {
  const key = event.detail.object.key;
  const outcome = await verifyArrival(deps, key);
  if (outcome !== 'ignored')
    metrics.addMetric(outcome === 'verified' ? 'DocumentsVerified' : 'DocumentsRejected', MetricUnit.Count, 1);
  // The key holds ids only (petitions/<petitionId>/<documentId>), no personal data.
  logger.info('document verification', { key, outcome });
  return { key, outcome };
});
