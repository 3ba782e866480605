import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { readEnv, tableEnvShape } from '../config';
import {
  type DeliveryReport,
  type SmsMessage,
  type SmsPort,
  SmsProviderError,
  type SmsReceipt,
} from '../domain/sms-port';
import { systemClock } from '../ports';
import type { NoticeDeps } from '../use-cases/notices';
import { createDocumentClient } from './aws-clients';
import { DynamoSmsNotices } from './dynamo-sms-notices';
import { HttpSmsProvider } from './http-sms-provider';

/**
 * The SMS port, chosen by configuration (`SMS_PROVIDER`):
 * - `kavenegar`: the HTTP provider adapter (shared/adapters/http-sms-provider.ts), in AWS. Its
 *   endpoint (`SMS_API_BASE_URL`) and sender line (`SMS_SENDER_LINE`) are plain settings; the API
 *   key is a Secrets Manager secret (`SMS_API_KEY_SECRET_ARN`) read once, at the first message,
 *   so no key sits in code, in the template or in the function's environment.
 * - `local-sink`: a port the local runtime injects (local/sms-sink.ts prints each message).
 */
const smsEnvShape = {
  SMS_PROVIDER: z.enum(['kavenegar', 'local-sink']),
  SMS_API_BASE_URL: z.url().optional(),
  SMS_SENDER_LINE: z.string().optional(),
  SMS_API_KEY_SECRET_ARN: z.string().optional(),
};

let injected: SmsPort | undefined;

/** The local runtime's SMS port (the sink); nothing is injected in Lambda. */
export function injectSmsPort(port: SmsPort | undefined): void {
  injected = port;
}

/**
 * Resolved at each call, not at load: the local runtime may inject its sink after a handler module
 * was imported, as it injects credentials (aws-clients.ts).
 */
const injectedPort: SmsPort = {
  get senderLine() {
    return current().senderLine;
  },
  send: (message: SmsMessage): Promise<SmsReceipt> => current().send(message),
  status: (ids: readonly string[]): Promise<DeliveryReport[]> => current().status(ids),
};

function current(): SmsPort {
  if (!injected) throw new Error('SMS_PROVIDER=local-sink, but the local runtime injected no SMS port');
  return injected;
}

export function smsPortFromEnv(env: NodeJS.ProcessEnv = process.env): SmsPort {
  const config = readEnv({ ...tableEnvShape, ...smsEnvShape }, env);
  if (config.SMS_PROVIDER === 'local-sink') return injectedPort;
  const { SMS_API_BASE_URL: baseUrl, SMS_SENDER_LINE: senderLine, SMS_API_KEY_SECRET_ARN: secretId } = config;
  if (!baseUrl || !secretId)
    throw new Error(
      'Configuration error: missing or invalid environment variable(s): SMS_API_BASE_URL, SMS_API_KEY_SECRET_ARN',
    );
  // A stack deployed before the provider's line was set up: nothing is sent, every notice stays
  // due, and each try fails as a configuration problem, which alarms until an operator sets it.
  if (!senderLine) return unconfiguredPort;
  const secrets = new SecretsManagerClient({ region: config.AWS_REGION });
  let provider: Promise<HttpSmsProvider> | undefined;
  const ready = () => {
    provider ??= secrets
      .send(new GetSecretValueCommand({ SecretId: secretId }))
      .then(({ SecretString }) => new HttpSmsProvider({ apiKey: (SecretString ?? '').trim(), senderLine, baseUrl }))
      .catch((error: unknown) => {
        // Not cached: the next message tries again (a throttled or briefly unreachable Secrets Manager).
        provider = undefined;
        throw error;
      });
    return provider;
  };
  return {
    senderLine,
    send: async (message) => (await ready()).send(message),
    status: async (ids) => (await ready()).status(ids),
  };
}

const unconfiguredPort: SmsPort = {
  senderLine: '',
  send: async () => {
    throw new SmsProviderError('configuration', 'no-sender-line', 'no SMS sender line is configured (smsSenderLine)');
  },
  status: async () => [],
};

/** What the notifier and the dispatcher need: the table (parties, short names, notices), the SMS port, the clock. */
export function noticeDepsFromEnv(): NoticeDeps {
  const config = readEnv(tableEnvShape);
  const store = new DynamoSmsNotices(createDocumentClient(config), config.TABLE_NAME);
  return { sources: store, notices: store, sms: smsPortFromEnv(), clock: systemClock };
}
