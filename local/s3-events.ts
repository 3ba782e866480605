import type { EventEmitter } from 'node:events';
import type S3rver from 's3rver';
import type { ObjectCreatedEvent } from '../functions/verify-document';
import { runAsFunction } from './aws-edge/identity';
import { lambdaContext } from './gateway';

type EventHandler = (event: ObjectCreatedEvent, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

interface S3rverRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number } };
}

/** Lambda's own retry policy for asynchronous invocations: the first try and two retries. */
const ATTEMPTS = 3;

/**
 * Turns the local S3 server's object-created events into the EventBridge "Object Created" events
 * AWS delivers, and invokes the verification handler with them, retrying failures like Lambda
 * does for asynchronous invocations.
 */
export function forwardObjectCreated(server: S3rver, bucket: string, loadHandler: () => Promise<EventHandler>): void {
  // s3rver is a Koa app, and so an EventEmitter; its type declarations leave that out.
  (server as unknown as EventEmitter).on('event', (notification: { Records: S3rverRecord[] }) => {
    for (const record of notification.Records) {
      if (
        !record.eventName.startsWith('ObjectCreated:') ||
        record.s3.bucket.name !== bucket ||
        !record.s3.object.key.startsWith('petitions/')
      )
        continue;
      const event: ObjectCreatedEvent = {
        'detail-type': 'Object Created',
        source: 'aws.s3',
        detail: {
          bucket: { name: bucket },
          object: {
            key: record.s3.object.key,
            ...(record.s3.object.size !== undefined ? { size: record.s3.object.size } : {}),
          },
        },
      };
      void invokeWithRetries(loadHandler, event);
    }
  });
}

async function invokeWithRetries(loadHandler: () => Promise<EventHandler>, event: ObjectCreatedEvent): Promise<void> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const handler = await loadHandler();
      await runAsFunction('verify-document', () => handler(event, lambdaContext('verify-document', 60_000)));
      return;
    } catch (error) {
      if (attempt === ATTEMPTS) {
        console.error(
          `verify-document failed ${ATTEMPTS} times for ${event.detail.object.key}: ${error instanceof Error ? error.name : 'error'}`,
        );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
