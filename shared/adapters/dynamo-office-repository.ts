import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors';
import type { Office } from '../domain/office';
import type { OfficeFilter, OfficeRepository } from '../ports';
import { indexKeys, keys } from './dynamo-keys';

/**
 * Offices: `pk = OFFICE#<code>`, `sk = OFFICE`. The registry listing uses gsi3 with one partition
 * `OFFICES` sorted by `<province>#<code>`: a few thousand offices, written only by administrators,
 * so one partition is never hot, and a province is one `begins_with` query.
 */

export class DynamoOfficeRepository implements OfficeRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async insert(office: Office): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(office),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError('office-exists', { officeCode: office.officeCode });
      throw error;
    }
  }

  async get(officeCode: string): Promise<Office | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.office(officeCode), ConsistentRead: true }),
    );
    return Item ? officeFromItem(Item) : undefined;
  }

  async list(filter: OfficeFilter = {}): Promise<Office[]> {
    const offices: Office[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi3',
          KeyConditionExpression: filter.province ? 'gsi3pk = :pk AND begins_with(gsi3sk, :province)' : 'gsi3pk = :pk',
          ExpressionAttributeValues: {
            ':pk': 'OFFICES',
            ...(filter.province ? { ':province': `${filter.province}#` } : {}),
          },
          ExclusiveStartKey: startKey,
        }),
      );
      offices.push(...(page.Items ?? []).map(officeFromItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const filtered = filter.status ? offices.filter((o) => o.status === filter.status) : offices;
    return filtered.sort((a, b) => a.officeCode.localeCompare(b.officeCode));
  }

  async replace(office: Office, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(office),
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError('office-changed', { expected: expectedVersion });
      }
      throw error;
    }
  }
}

function toItem(office: Office): Record<string, unknown> {
  return {
    ...keys.office(office.officeCode),
    ...indexKeys.registry(office.province, office.officeCode),
    entity: 'office',
    ...office,
  };
}

export function officeFromItem(item: Record<string, unknown>): Office {
  const { pk: _pk, sk: _sk, gsi3pk: _g3, gsi3sk: _g3s, entity: _entity, ...office } = item;
  return office as unknown as Office;
}
