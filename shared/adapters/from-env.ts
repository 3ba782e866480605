import { readEnv, tableEnvShape } from '../config';
import { createDocumentClient } from './aws-clients';
import { DynamoOfficeRepository } from './dynamo-office-repository';

/**
 * Secondary adapters wired from the environment. Functions call these at module scope (cold start),
 * so configuration errors surface at load and clients are reused across invocations.
 */
export function officeRepositoryFromEnv(): DynamoOfficeRepository {
  const config = readEnv(tableEnvShape);
  return new DynamoOfficeRepository(createDocumentClient(config), config.TABLE_NAME);
}
