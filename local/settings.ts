import { resolve } from 'node:path';

/**
 * Settings of the local runtime, from the environment with development defaults (this is a
 * developer tool, not Lambda configuration: a default here hides nothing in the cloud).
 */
export function localSettings(env: NodeJS.ProcessEnv = process.env) {
  const port = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isInteger(value) || value < 1 || value > 65535)
      throw new Error(`${name} must be a port number (1-65535), got "${env[name]}"`);
    return value;
  };
  const dataDir = resolve(env.LOCAL_DATA_DIR || '.local-data');
  return {
    apiPort: port('PORT', 3000),
    dynamoPort: port('DYNAMODB_PORT', 8000),
    s3Port: port('S3_PORT', 4569),
    dataDir,
    authDir: resolve(dataDir, 'auth'),
    tableName: 'judicial-e-services-local',
    idempotencyTableName: 'judicial-e-services-local-idempotency',
    documentsBucket: 'local-documents',
    reportsBucket: 'local-reports',
  };
}
