import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Court } from '../domain/court';
import type { ProvinceCode } from '../domain/provinces';
import type { CourtRegistrySnapshot } from '../domain/routing';
import type { CourtRegistry, CourtStatusReader } from '../ports';
import { courtFromItem, fallbacksFromItem, readCourt } from './dynamo-court-repository';
import { indexKeys } from './dynamo-keys';
import { queryAll } from './dynamo-query';

/**
 * What routing reads of the registry: a province's courts and fallbacks, one gsi3 partition, and
 * the case's court when it is another province's (one read more). A province has at most a few
 * hundred courts of about 300 bytes, so one query reads under 100 KB (at most 13 read units,
 * eventually consistent) in one page. Submission and resubmission route with it; a class of its
 * own, so a function that routes carries nothing else of the submission store.
 */
export async function readCourtRegistry(
  db: DynamoDBDocumentClient,
  tableName: string,
  provinceCode: ProvinceCode,
  caseCourtCode?: string,
): Promise<CourtRegistrySnapshot> {
  const items = await queryAll(db, {
    TableName: tableName,
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.courtRegistryPartition(provinceCode) },
  });
  const courts: Court[] = items.filter((item) => item.entity === 'court').map(courtFromItem);
  if (caseCourtCode && !courts.some((court) => court.courtCode === caseCourtCode)) {
    const caseCourt = await readCourt(db, tableName, caseCourtCode);
    if (caseCourt) courts.push(caseCourt);
  }
  return { courts, fallbacks: fallbacksFromItem(items.find((item) => item.entity === 'court-fallbacks')) };
}

export class DynamoCourtRegistry implements CourtRegistry, CourtStatusReader {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  courtRegistry(provinceCode: ProvinceCode, caseCourtCode?: string): Promise<CourtRegistrySnapshot> {
    return readCourtRegistry(this.db, this.tableName, provinceCode, caseCourtCode);
  }

  court(courtCode: string): Promise<Court | undefined> {
    return readCourt(this.db, this.tableName, courtCode);
  }
}
