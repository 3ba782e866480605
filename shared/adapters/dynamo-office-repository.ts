import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors';
import type { Office } from '../domain/office';
import { byCodePoint } from '../domain/order';
import { type ProvinceCode, provinceByName, provinceOf } from '../domain/provinces';
import * as problemTexts from '../i18n/problem-texts';
import type { OfficeFilter, OfficeRepository } from '../ports';
import { indexKeys, keys } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { conditionalPut, failedConditions, transactWrite } from './dynamo-transactions';

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
      await transactWrite(this.db, {
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: officeItem(office),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          // The report job learns from this item which provinces it reports on, without listing
          // every office (dynamo-report-repository.ts); a province's first office reopens its months.
          { Update: officeProvincesUpdate(this.tableName, [office.provinceCode], { complete: false }) },
        ],
      });
    } catch (error) {
      if (failedConditions(error)?.[0])
        throw new ConflictError(problemTexts.officeExists, { officeCode: office.officeCode });
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
    // A province's offices are one key prefix; offices stored before provinces had codes are
    // keyed by the Persian name instead, until the backfill (scripts/backfill.ts) re-keys them.
    const prefixes = filter.provinceCode
      ? [indexKeys.registryProvincePrefix(filter.provinceCode), legacyPrefix(filter.provinceCode)]
      : [undefined];
    const offices = new Map<string, Office>();
    for (const prefix of prefixes)
      for (const office of await this.query(prefix)) offices.set(office.officeCode, office);
    const all = [...offices.values()];
    const filtered = filter.status ? all.filter((o) => o.status === filter.status) : all;
    return filtered.sort((a, b) => byCodePoint(a.officeCode, b.officeCode));
  }

  private async query(prefix: string | undefined): Promise<Office[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: prefix ? 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)' : 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKeys.registryPartition, ...(prefix ? { ':prefix': prefix } : {}) },
    });
    return items.map(officeFromItem);
  }

  async replace(office: Office, expectedVersion: number): Promise<void> {
    await conditionalPut(
      this.db,
      {
        TableName: this.tableName,
        Item: officeItem(office),
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
      () => new ConflictError(problemTexts.officeChanged, { expected: expectedVersion }),
    );
  }
}

export function officeItem(office: Office): Record<string, unknown> {
  return {
    ...keys.office(office.officeCode),
    ...indexKeys.registry(office.provinceCode, office.officeCode),
    entity: 'office',
    ...office,
  };
}

/**
 * An office as stored, by this version or an earlier one: offices stored before provinces had
 * codes carry only the Persian name, and get their code from it.
 */
export function officeFromItem(item: Record<string, unknown>): Office {
  const { pk: _pk, sk: _sk, gsi3pk: _g3, gsi3sk: _g3s, entity: _entity, ...stored } = item;
  const office = stored as unknown as Office;
  const provinceCode = office.provinceCode ?? (provinceByName(String(office.province ?? ''))?.code as ProvinceCode);
  return { ...office, provinceCode, province: provinceOf(provinceCode)?.fa ?? office.province };
}

/** How offices stored before provinces had codes were keyed in the registry index. */
function legacyPrefix(provinceCode: ProvinceCode): string {
  return `${provinceOf(provinceCode)?.fa ?? provinceCode}#`;
}

/**
 * Adds provinces to the set of those that have an office. ADD only grows a set, so an office
 * registered while a report job records what it listed is kept either way. `complete` is the job's
 * to set (DynamoReportRepository.recordOfficeProvinces): only a listing of every office makes it so.
 */
export function officeProvincesUpdate(
  tableName: string,
  provinces: readonly ProvinceCode[],
  { complete }: { complete: boolean },
) {
  // DynamoDB refuses an empty set: a network with no office yet records only that it is complete.
  const add = provinces.length > 0 ? 'ADD provinces :provinces ' : '';
  return {
    TableName: tableName,
    Key: keys.officeProvinces(),
    UpdateExpression: `${add}SET entity = :entity${complete ? ', complete = :complete' : ''}`,
    ExpressionAttributeValues: {
      ':entity': 'office-provinces',
      ...(provinces.length > 0 ? { ':provinces': new Set(provinces) } : {}),
      ...(complete ? { ':complete': true } : {}),
    },
  };
}
