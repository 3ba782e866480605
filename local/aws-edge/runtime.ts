import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { injectCredentials } from '../../shared/adapters/aws-clients';
import { credentialsOf, type LocalCredentials, scopedCredentialProvider } from './identity';

/** `npm start` serves one deployment: one tenant, named after nothing else. */
export const LOCAL_TENANT = 'local';

const secretFile = (dataDir: string) => resolve(dataDir, 'aws-edge', 'master-secret');

/**
 * The master secret every local access key derives from, kept in the data folder so that
 * `npm run report` (another process) signs with keys the running edge accepts.
 */
export function loadOrCreateEdgeSecret(dataDir: string): string {
  const file = secretFile(dataDir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function readEdgeSecret(dataDir: string): string | undefined {
  const file = secretFile(dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * Makes the SDK clients of shared/adapters sign as the running function (the operator outside an
 * invocation); returns the operator's credentials for clients made without injection.
 */
export function useLocalCredentials(masterSecret: string, tenant = LOCAL_TENANT): LocalCredentials {
  injectCredentials(scopedCredentialProvider({ masterSecret, tenant }));
  return credentialsOf(masterSecret, { kind: 'operator' });
}
