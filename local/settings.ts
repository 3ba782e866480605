import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Settings of the local runtime, from the environment with development defaults (this is a
 * developer tool, not Lambda configuration: a default here hides nothing in the cloud). `npm start`,
 * `npm run token` and `npm run report` all read them here; what only the running backend knows
 * (its endpoints) it writes to the data folder, where the other two find it.
 */
export function localSettings(env: NodeJS.ProcessEnv = process.env) {
  const port = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      throw new Error(`${name} must be a port number (1-65535), got "${env[name]}"`);
    }
    return value;
  };
  const host = (name: string, fallback: string) => {
    const value = env[name] || fallback;
    if (!/^[A-Za-z0-9.:-]+$/.test(value))
      throw new Error(`${name} must be a host name or an IP address, got "${value}"`);
    return value;
  };
  const dataDir = resolve(env.LOCAL_DATA_DIR || '.local-data');
  return {
    apiPort: port('PORT', 3000),
    dynamoPort: port('DYNAMODB_PORT', 8000),
    s3Port: port('S3_PORT', 4569),
    /** The local payment gateway simulator: this port when set, else any free one (printed at start). */
    paymentGatewayPort: env.PAYMENT_GATEWAY_PORT ? port('PAYMENT_GATEWAY_PORT', 0) : undefined,
    /** The address the API and the S3 server listen on: 0.0.0.0 lets a phone on the same network in. */
    listenHost: host('LISTEN_HOST', '127.0.0.1'),
    /**
     * The host in the URLs the backend hands out (presigned uploads and downloads) and prints: a
     * phone needs the laptop's address here, e.g. PUBLIC_HOST=192.168.1.20 with LISTEN_HOST=0.0.0.0.
     */
    publicHost: host('PUBLIC_HOST', '127.0.0.1'),
    dataDir,
    authDir: resolve(dataDir, 'auth'),
    tableName: 'judicial-e-services-local',
    idempotencyTableName: 'judicial-e-services-local-idempotency',
    documentsBucket: 'local-documents',
    reportsBucket: 'local-reports',
  };
}

export type LocalSettings = ReturnType<typeof localSettings>;

/**
 * The `npm run token` command the banner prints. A token is signed with the data folder's keys: a
 * folder of its own must be named to `npm run token` too, or it makes keys of its own in the
 * default one and the API answers 401. The folder is quoted for a POSIX shell.
 */
export function tokenCommand(args: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!env.LOCAL_DATA_DIR) return `npm run -s token -- ${args}`;
  const quoted = `'${resolve(env.LOCAL_DATA_DIR).replaceAll("'", "'\\''")}'`;
  return `LOCAL_DATA_DIR=${quoted} npm run -s token -- ${args}`;
}

/** What a running `npm start` tells the other scripts: where its engines answer. */
export interface RunningBackend {
  pid: number;
  apiUrl: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  reportsBucket: string;
}

const runningFile = (settings: LocalSettings) => resolve(settings.dataDir, 'running.json');

export function recordRunningBackend(settings: LocalSettings, backend: RunningBackend): () => void {
  mkdirSync(settings.dataDir, { recursive: true });
  writeFileSync(runningFile(settings), JSON.stringify(backend, null, 2));
  return () => rmSync(runningFile(settings), { force: true });
}

/** The backend `npm start` is running on this data folder, or undefined when none is. */
export function runningBackend(settings: LocalSettings = localSettings()): RunningBackend | undefined {
  const file = runningFile(settings);
  if (!existsSync(file)) return undefined;
  const backend = JSON.parse(readFileSync(file, 'utf8')) as RunningBackend;
  try {
    process.kill(backend.pid, 0); // signal 0 only asks whether the process exists
    return backend;
  } catch {
    return undefined; // left behind by a backend that was killed
  }
}
