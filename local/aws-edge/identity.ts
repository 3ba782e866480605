import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';

/**
 * Who calls AWS locally. In Lambda a function's SDK clients sign with its role's credentials; here
 * each function gets an access key of its own, and code outside any function (local setup, demo
 * seeding, test fixtures, `npm run report`'s checks) uses an operator key with full access, like
 * an administrator's CLI. Keys are derived, not stored: the secret of a key is an HMAC of its id
 * under the run's master secret, so every process of a run (npm start, npm run report, jest
 * workers) computes the same keys, and the local AWS edge verifies them the same way.
 *
 * A key names its tenant: one deployment's set of tables and buckets. `npm start` has one; tests
 * give every test file its own table and buckets, and so a tenant of its own.
 */
export type LocalPrincipal = { kind: 'operator' } | { kind: 'function'; tenant: string; functionId: string };

export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const OPERATOR_KEY_ID = 'LOCAL.operator';

/**
 * The outbox pipe's identity: not a function, but it reads the table's stream with a role of its
 * own (infra/event-backbone.ts), so locally it signs with a key of its own under that role's policy.
 */
export const OUTBOX_PIPE_PRINCIPAL = 'outbox-pipe';
const NAME = /^[A-Za-z0-9-]+$/;

export function accessKeyIdOf(principal: LocalPrincipal): string {
  if (principal.kind === 'operator') return OPERATOR_KEY_ID;
  if (!NAME.test(principal.tenant) || !NAME.test(principal.functionId))
    throw new Error(
      `tenant and function id must be letters, digits and dashes: ${principal.tenant}, ${principal.functionId}`,
    );
  return `LOCAL.fn.${principal.tenant}.${principal.functionId}`;
}

export function principalOf(accessKeyId: string): LocalPrincipal | undefined {
  if (accessKeyId === OPERATOR_KEY_ID) return { kind: 'operator' };
  const match = /^LOCAL\.fn\.([A-Za-z0-9-]+)\.([A-Za-z0-9-]+)$/.exec(accessKeyId);
  return match ? { kind: 'function', tenant: match[1]!, functionId: match[2]! } : undefined;
}

export function secretOf(masterSecret: string, accessKeyId: string): string {
  return createHmac('sha256', masterSecret).update(accessKeyId).digest('base64url');
}

export function credentialsOf(masterSecret: string, principal: LocalPrincipal): LocalCredentials {
  const accessKeyId = accessKeyIdOf(principal);
  return { accessKeyId, secretAccessKey: secretOf(masterSecret, accessKeyId) };
}

/** The function whose code is running: set around every handler invocation of the local runtime. */
const invocation = new AsyncLocalStorage<string>();

export function runAsFunction<T>(functionId: string, work: () => T): T {
  return invocation.run(functionId, work);
}

export function currentFunction(): string | undefined {
  return invocation.getStore();
}

/**
 * The credentials provider the local runtime gives the SDK clients of shared/adapters: the
 * running function's key inside an invocation, the operator's outside.
 *
 * The SDK memoizes a credentials provider unless it is marked `memoized` (@aws-sdk/core,
 * normalizeCredentialProvider): memoized, the first key would stick to a module-scope client for
 * good, and concurrent calls from two functions would share one pending lookup. Marked, it is
 * called for every request and presigned URL, inside the caller's async context.
 * test/unit/local-credentials.test.ts holds that true for this SDK version.
 */
export function scopedCredentialProvider(options: { masterSecret: string; tenant: string }) {
  const provider = async (): Promise<LocalCredentials> => {
    const functionId = currentFunction();
    return credentialsOf(
      options.masterSecret,
      functionId ? { kind: 'function', tenant: options.tenant, functionId } : { kind: 'operator' },
    );
  };
  return Object.assign(provider, { memoized: true as const });
}
