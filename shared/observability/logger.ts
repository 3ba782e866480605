import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger per function, created at cold start. The service name comes from
 * POWERTOOLS_SERVICE_NAME (set by the CDK function construct and the local gateway). Log only
 * identifiers and outcomes: events and bodies hold national IDs, names and mobiles.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'judicial-e-services' });
