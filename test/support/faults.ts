import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { createdClients } from '../../shared/adapters/aws-clients';

type Fault = {
  service: 'dynamo' | 's3';
  command: string;
  error: () => Error;
  times: number;
  /** Fail after the request reached the engine: the change is made, its answer lost on the way back. */
  afterSend?: boolean;
};

/**
 * Makes the named SDK command fail on every client this process created (the handlers' own
 * module-scope clients included), `times` times, then pass. Only for faults the local engines
 * cannot produce: throttling, contention, outages.
 */
export function injectFault(fault: Fault): { remove(): void; remaining(): number } {
  let left = fault.times;
  const name = `fault-${Math.random()}`;
  const clients = fault.service === 'dynamo' ? createdClients.dynamo : createdClients.s3;
  for (const client of clients) {
    (client.middlewareStack as { add: (mw: unknown, options: unknown) => void }).add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        if (context.commandName === fault.command && left > 0) {
          left -= 1;
          if (fault.afterSend) await next(args);
          throw fault.error();
        }
        return next(args);
      },
      // In the deserialize step, inside the SDK's retry loop: the SDK retries these faults as it would real ones.
      { step: 'deserialize', name },
    );
  }
  return {
    remove: () => {
      for (const client of clients) client.middlewareStack.remove(name);
    },
    remaining: () => left,
  };
}

export const throttled = () =>
  Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ThrottlingException',
    $metadata: { httpStatusCode: 400 },
  });

export const transactionConflict = () =>
  new TransactionCanceledException({
    message:
      'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None, None, None]',
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }],
  });

export const s3Unavailable = () =>
  Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
