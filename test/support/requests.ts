import { createdClients } from '../../shared/adapters/aws-clients';

/**
 * Records the command of each request every DynamoDB client of this process sends from now on,
 * the handlers' module-scope clients included. Inside the SDK's retry loop: a retried request
 * counts as the round trip it is.
 */
export function recordDynamoRequests(): { sent: string[]; stop(): void } {
  const sent: string[] = [];
  const name = `record-requests-${Math.random()}`;
  for (const client of createdClients.dynamo) {
    (client.middlewareStack as { add: (middleware: unknown, options: unknown) => void }).add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => {
        sent.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'finalizeRequest', name, priority: 'low' },
    );
  }
  return {
    sent,
    stop: () => {
      for (const client of createdClients.dynamo) client.middlewareStack.remove(name);
    },
  };
}
