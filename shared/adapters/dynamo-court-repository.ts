import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { COURT_KINDS, type Court, type CourtFallbacks } from '../domain/court';
import { ConflictError } from '../domain/errors';
import { byCodePoint } from '../domain/order';
import type { ProvinceCode } from '../domain/provinces';
import * as problemTexts from '../i18n/problem-texts';
import type { CourtFilter, CourtRepository } from '../ports';
import { indexKeys, keys } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { conditionalPut } from './dynamo-transactions';

/**
 * Courts (key layout: dynamo-keys.ts). The registry index (gsi3) keeps one partition per province,
 * sorted by kind and district, so routing a submission reads the few courts of one kind in one
 * district with one query; courts are written by administrators only, so no partition is hot.
 */
export class DynamoCourtRepository implements CourtRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async insert(court: Court): Promise<void> {
    await conditionalPut(
      this.db,
      { TableName: this.tableName, Item: courtItem(court), ConditionExpression: 'attribute_not_exists(pk)' },
      () => new ConflictError(problemTexts.courtExists, { courtCode: court.courtCode }),
    );
  }

  get(courtCode: string): Promise<Court | undefined> {
    return readCourt(this.db, this.tableName, courtCode, { consistent: true });
  }

  async replace(court: Court, expectedVersion: number): Promise<void> {
    await conditionalPut(
      this.db,
      {
        TableName: this.tableName,
        Item: courtItem(court),
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
      () => new ConflictError(problemTexts.courtChanged, { expected: expectedVersion }),
    );
  }

  async list(provinceCode: ProvinceCode, filter: CourtFilter = {}): Promise<Court[]> {
    const prefix = indexKeys.courtRegistryPrefix(filter.kind, filter.kind ? filter.judicialDistrict : undefined);
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: prefix ? 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)' : 'gsi3pk = :pk',
      ExpressionAttributeValues: {
        ':pk': indexKeys.courtRegistryPartition(provinceCode),
        ...(prefix ? { ':prefix': prefix } : {}),
      },
    });
    return items
      .filter((item) => item.entity === 'court')
      .map(courtFromItem)
      .filter((court) => filter.judicialDistrict === undefined || court.judicialDistrict === filter.judicialDistrict)
      .filter((court) => filter.status === undefined || court.status === filter.status)
      .sort((a, b) => byCodePoint(a.courtCode, b.courtCode));
  }

  async fallbacks(provinceCode: ProvinceCode): Promise<CourtFallbacks> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.courtFallbacks(provinceCode) }),
    );
    return fallbacksFromItem(Item);
  }

  async setFallbacks(provinceCode: ProvinceCode, fallbacks: CourtFallbacks): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.courtFallbacks(provinceCode),
          ...indexKeys.courtFallbacks(provinceCode),
          entity: 'court-fallbacks',
          provinceCode,
          fallbacks,
        },
      }),
    );
  }
}

export function courtItem(court: Court): Record<string, unknown> {
  return {
    ...keys.court(court.courtCode),
    ...indexKeys.courtRegistry(court.provinceCode, court.kind, court.judicialDistrict, court.courtCode),
    entity: 'court',
    ...court,
  };
}

export function courtFromItem(item: Record<string, unknown>): Court {
  const { pk: _pk, sk: _sk, gsi3pk: _g3, gsi3sk: _g3s, entity: _entity, ...court } = item;
  return court as unknown as Court;
}

export function fallbacksFromItem(item: Record<string, unknown> | undefined): CourtFallbacks {
  const stored = (item?.fallbacks ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    COURT_KINDS.filter((kind) => typeof stored[kind] === 'string').map((kind) => [kind, String(stored[kind])]),
  );
}

/** One court by its code: the one read of a court item, for the repository and routing's registry. */
export async function readCourt(
  db: DynamoDBDocumentClient,
  tableName: string,
  courtCode: string,
  options: { consistent?: boolean } = {},
): Promise<Court | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.court(courtCode), ConsistentRead: options.consistent === true }),
  );
  return Item ? courtFromItem(Item) : undefined;
}
