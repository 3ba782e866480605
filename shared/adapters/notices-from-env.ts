import type { SendTextMessageRequest, SendTextMessageResult } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod/mini';
import { readEnv, tableEnvShape } from '../config';
import {
  type DeliveryReport,
  type SmsMessage,
  type SmsPort,
  SmsProviderError,
  type SmsReceipt,
} from '../domain/sms-port';
import { traced } from '../observability/tracing';
import { systemClock } from '../ports';
import type { NoticeDeps } from '../use-cases/notices';
import { createDocumentClient } from './aws-clients';
import { AwsEndUserMessagingSms } from './aws-end-user-messaging-sms';
import { DynamoENotices } from './dynamo-e-notices';
import { DynamoSmsNotices } from './dynamo-sms-notices';
import { HttpSmsProvider } from './http-sms-provider';

/**
 * The SMS port, chosen by configuration (`SMS_PROVIDER`):
 * - `kavenegar`: the HTTP provider adapter (shared/adapters/http-sms-provider.ts), in AWS. Its
 *   endpoint (`SMS_API_BASE_URL`) and sender line (`SMS_SENDER_LINE`) are plain settings; the API
 *   key is a Secrets Manager secret (`SMS_API_KEY_SECRET_ARN`) read once, at the first message,
 *   so no key sits in code, in the template or in the function's environment.
 * - `aws-end-user-messaging`: AWS End User Messaging SMS, where AWS reaches the recipients
 *   (shared/adapters/aws-end-user-messaging-sms.ts); its SDK client is loaded at the first message,
 *   from the Lambda runtime's own SDK (infra/bundling.ts keeps it out of every bundle).
 * - `local-sink`: a port the local runtime injects (local/sms-sink.ts prints each message).
 */
const smsEnvShape = {
  SMS_PROVIDER: z.string().check(z.minLength(1)),
  SMS_API_BASE_URL: z.optional(z.string()),
  SMS_SENDER_LINE: z.optional(z.string()),
  SMS_API_KEY_SECRET_ARN: z.optional(z.string()),
  /** aws-end-user-messaging: the origination identity (a phone number, sender id or pool). */
  SMS_ORIGINATION_IDENTITY: z.optional(z.string()),
  SMS_CONFIGURATION_SET: z.optional(z.string()),
};
const PROVIDERS = ['kavenegar', 'aws-end-user-messaging', 'local-sink'];

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
  send: async (message: SmsMessage): Promise<SmsReceipt> => current().send(message),
  status: async (ids: readonly string[]): Promise<DeliveryReport[]> => current().status(ids),
};

function current(): SmsPort {
  if (!injected) throw new Error('SMS_PROVIDER=local-sink, but the local runtime injected no SMS port');
  return injected;
}

export function smsPortFromEnv(env: NodeJS.ProcessEnv = process.env): SmsPort {
  const config = readEnv({ ...tableEnvShape, ...smsEnvShape }, env);
  if (config.SMS_PROVIDER === 'local-sink') return injectedPort;
  if (config.SMS_PROVIDER === 'aws-end-user-messaging') return endUserMessagingPort(config);
  const { SMS_API_BASE_URL: baseUrl, SMS_SENDER_LINE: senderLine, SMS_API_KEY_SECRET_ARN: secretId } = config;
  if (!baseUrl || !secretId)
    throw new Error(
      'Configuration error: missing or invalid environment variable(s): SMS_API_BASE_URL, SMS_API_KEY_SECRET_ARN',
    );
  // Values are checked when a message is to go, not at load: a wrong setting then fails each try
  // as a configuration problem, which keeps the notices due and alarms until an operator fixes
  // it. So does a stack deployed before the provider's sender line was set up.
  if (!PROVIDERS.includes(config.SMS_PROVIDER))
    return unconfigured('unknown-provider', `SMS_PROVIDER is not one of ${PROVIDERS.join(', ')}`);
  if (!URL.canParse(baseUrl)) return unconfigured('bad-base-url', 'SMS_API_BASE_URL is not a URL');
  if (!senderLine) return unconfigured('no-sender-line', 'no SMS sender line is configured (smsSenderLine)');
  const secrets = traced(new SecretsManagerClient({ region: config.AWS_REGION }));
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

const unconfigured = (code: string, message: string): SmsPort => ({
  senderLine: '',
  send: async () => {
    throw new SmsProviderError('configuration', code, message);
  },
  status: async () => [],
});

/** What the notifier and the dispatcher need: the table (parties, short names, notices), the SMS port, the clock. */
export function noticeDepsFromEnv(): NoticeDeps {
  const config = readEnv(tableEnvShape);
  const store = new DynamoSmsNotices(createDocumentClient(config), config.TABLE_NAME);
  return { sources: store, notices: store, sms: smsPortFromEnv(), clock: systemClock };
}

/** The delivery-report webhook's store: the notices, by the provider's message id. */
export function deliveryReportDepsFromEnv() {
  const config = readEnv(tableEnvShape);
  const db = createDocumentClient(config);
  return {
    reports: new DynamoSmsNotices(db, config.TABLE_NAME),
    eNotices: new DynamoENotices(db, config.TABLE_NAME),
    clock: systemClock,
  };
}

const webhookEnvShape = {
  AWS_REGION: z.string().check(z.minLength(1)),
  /** In AWS: a Secrets Manager secret, `{"current": "…", "previous": "…"}` during a rotation, or one string. */
  SMS_WEBHOOK_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
  /** The local runtime's secret (local/start.ts makes one per run); never set in AWS. */
  SMS_WEBHOOK_SECRET: z.optional(z.string().check(z.minLength(32))),
};

/** How long a read secret is used before it is read again: a rotation takes effect within this. */
const SECRET_CACHE_MS = 5 * 60_000;

/**
 * The shared secrets the delivery-report webhook verifies signatures with. One source must be
 * configured, or the function fails at cold start: a webhook with no secret would refuse every
 * report (or, worse, be tempted to skip the check).
 */
export function webhookSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): () => Promise<readonly string[]> {
  const config = readEnv(webhookEnvShape, env);
  if (config.SMS_WEBHOOK_SECRET) {
    const secret = config.SMS_WEBHOOK_SECRET;
    return async () => [secret];
  }
  const secretId = config.SMS_WEBHOOK_SECRET_ARN;
  if (!secretId)
    throw new Error('Configuration error: missing environment variable SMS_WEBHOOK_SECRET_ARN (the webhook secret)');
  const client = traced(new SecretsManagerClient({ region: config.AWS_REGION }));
  let cached: { secrets: readonly string[]; until: number } | undefined;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.secrets;
    const { SecretString = '' } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    cached = { secrets: secretsOf(SecretString), until: Date.now() + SECRET_CACHE_MS };
    return cached.secrets;
  };
}

function secretsOf(value: string): readonly string[] {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{')) return [trimmed];
  const parsed = z
    .strictObject({
      current: z.string().check(z.minLength(32)),
      previous: z.optional(z.string().check(z.minLength(32))),
    })
    .parse(JSON.parse(trimmed));
  return parsed.previous ? [parsed.current, parsed.previous] : [parsed.current];
}

function endUserMessagingPort(config: {
  AWS_REGION: string;
  SMS_ORIGINATION_IDENTITY?: string | undefined;
  SMS_CONFIGURATION_SET?: string | undefined;
}): SmsPort {
  const origination = config.SMS_ORIGINATION_IDENTITY;
  if (!origination)
    return unconfigured('no-origination-identity', 'SMS_ORIGINATION_IDENTITY is not set for End User Messaging');
  let send: Promise<(input: SendTextMessageRequest) => Promise<SendTextMessageResult>> | undefined;
  const sendText = async (input: SendTextMessageRequest) => {
    send ??= import('@aws-sdk/client-pinpoint-sms-voice-v2').then((sdk) => {
      const client = traced(new sdk.PinpointSMSVoiceV2Client({ region: config.AWS_REGION }));
      return (request: SendTextMessageRequest) => client.send(new sdk.SendTextMessageCommand(request));
    });
    return (await send)(input);
  };
  return new AwsEndUserMessagingSms(sendText, origination, config.SMS_CONFIGURATION_SET);
}
