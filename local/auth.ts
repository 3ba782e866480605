import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../shared/domain/roles';

/**
 * Local stand-in for the Cognito user pool and the HTTP API JWT authorizer: an RS256 key pair kept
 * in the data folder signs tokens (`npm run token`) and the gateway verifies them the way the
 * authorizer does (signature, issuer, audience, expiry), passing the same claims to handlers.
 */
export const LOCAL_ISSUER = 'http://localhost/local-user-pool';
export const LOCAL_AUDIENCE = 'local-web-client';
const ALG = 'RS256';
/** The web client's ID token validity in the user pool (infra/stateful-stack.ts). */
export const TOKEN_LIFETIME_SECONDS = 3600;

export interface LocalKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function loadOrCreateKeys(directory: string): Promise<LocalKeys> {
  const file = join(directory, 'jwt-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalKeys;
  mkdirSync(directory, { recursive: true });
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const keys: LocalKeys = { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export interface TokenRequest {
  role: Role;
  officeCode?: string;
  courtCode?: string;
  provinceCode?: string;
  userId?: string;
  /** Seconds; an hour by default, as Cognito's ID tokens for the web client. */
  lifetime?: number;
}

export async function signToken(keys: LocalKeys, request: TokenRequest): Promise<string> {
  const key = await importJWK(keys.privateJwk, ALG);
  const scope = request.officeCode ?? request.courtCode ?? request.provinceCode;
  const userId = request.userId ?? `local-${request.role}${scope ? `-${scope}` : ''}`;
  return new SignJWT({
    'cognito:groups': [request.role],
    ...(request.officeCode ? { 'custom:officeCode': request.officeCode } : {}),
    ...(request.courtCode ? { 'custom:courtCode': request.courtCode } : {}),
    ...(request.provinceCode ? { 'custom:provinceCode': request.provinceCode } : {}),
    'cognito:username': userId,
    token_use: 'id',
  })
    .setProtectedHeader({ alg: ALG, kid: 'local' })
    .setSubject(userId)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${request.lifetime ?? TOKEN_LIFETIME_SECONDS}s`)
    .sign(key);
}

export type TokenVerifier = (token: string) => Promise<JWTPayload | undefined>;

export async function createVerifier(keys: LocalKeys): Promise<TokenVerifier> {
  const key = await importJWK(keys.publicJwk, ALG);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: [ALG],
        // The authorizer holds `exp` to "after the current time": a token without one never is.
        requiredClaims: ['exp'],
      });
      return payload;
    } catch {
      return undefined;
    }
  };
}
