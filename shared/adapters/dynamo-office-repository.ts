import { type DynamoDBDocumentClient, GetCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors';
import type { Office } from '../domain/office';
import { byCodePoint } from '../domain/order';
import { type ProvinceCode, provinceByName, provinceOf } from '../domain/provinces';
import * as problemTexts from '../i18n/problem-texts';
import type { OfficeFilter, OfficeRepository } from '../ports';
import { batchGetAll } from './dynamo-batch';
import { indexKeys, keys } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { conditionalPut, failedConditions, transactWrite } from './dynamo-transactions';

/**
 * Offices: `pk = OFFICE#<code>`, `sk = OFFICE`. The registry listing uses gsi3 with one partition
 * `OFFICES` sorted by `<province>#<code>`: a few thousand offices, written only by administrators,
 * so one partition is never hot, and a province is one `begins_with` query. An office's payment
 * terminal is claimed by an item of its own, `TERMINAL#<id>`, in the transaction that writes the
 * office: a terminal takes one office's tariff, so no office can register another's terminal.
 */

export class DynamoOfficeRepository implements OfficeRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async insert(office: Office): Promise<void> {
    const claim = office.paymentTerminalId ? [{ Put: this.claim(office.paymentTerminalId, office.officeCode) }] : [];
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
          ...claim,
        ],
      });
    } catch (error) {
      // By position: the office (0), the provinces (1, unconditional), the terminal's claim (2).
      const failed = failedConditions(error);
      if (failed?.[0]) throw new ConflictError(problemTexts.officeExists, { officeCode: office.officeCode });
      if (failed?.[2]) throw new ConflictError(problemTexts.paymentTerminalTaken);
      throw error;
    }
  }

  async get(officeCode: string): Promise<Office | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.office(officeCode), ConsistentRead: true }),
    );
    return Item ? officeFromItem(Item) : undefined;
  }

  async provincesOf(officeCodes: readonly string[]): Promise<Map<string, ProvinceCode>> {
    // Eventually consistent: a province is set when the office is registered and never changes.
    const items = await batchGetAll(
      this.db,
      this.tableName,
      [...new Set(officeCodes)].map((code) => keys.office(code)),
      false,
    );
    return new Map(items.map(officeFromItem).map((office) => [office.officeCode, office.provinceCode]));
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

  /**
   * An office whose terminal stays is one conditional put, as before claims (1 write unit per KB).
   * A new terminal moves the claim in the office's transaction: the new terminal's claimed, the old
   * one's released, so at no moment do two offices hold one terminal or a terminal stay held by an
   * office that left it.
   */
  async replace(office: Office, stored: Pick<Office, 'version' | 'paymentTerminalId'>): Promise<void> {
    const put = {
      TableName: this.tableName,
      Item: officeItem(office),
      ConditionExpression: 'attribute_exists(pk) AND version = :expected',
      ExpressionAttributeValues: { ':expected': stored.version },
    };
    const changed = () => new ConflictError(problemTexts.officeChanged, { expected: stored.version });
    if (office.paymentTerminalId === stored.paymentTerminalId) return conditionalPut(this.db, put, changed);
    await this.moveTerminal(put, office, stored.paymentTerminalId, changed);
  }

  private async moveTerminal(
    put: PutCommandInput,
    office: Office,
    previous: string | undefined,
    changed: () => ConflictError,
  ): Promise<void> {
    const claim = office.paymentTerminalId ? [{ Put: this.claim(office.paymentTerminalId, office.officeCode) }] : [];
    // Released only while it names this office; a missing one (an office stored before claims and
    // not yet backfilled) is nothing to release, and deleting it is a no-op.
    const release = previous
      ? [
          {
            Delete: {
              TableName: this.tableName,
              Key: keys.terminalClaim(previous),
              ConditionExpression: 'attribute_not_exists(pk) OR officeCode = :office',
              ExpressionAttributeValues: { ':office': office.officeCode },
            },
          },
        ]
      : [];
    try {
      await transactWrite(this.db, { TransactItems: [{ Put: put }, ...claim, ...release] });
    } catch (error) {
      // By position: the office (0), the new terminal's claim (1, if any), the old one's release (last, if any).
      const failed = failedConditions(error);
      if (failed?.[0]) throw changed();
      if (claim.length > 0 && failed?.[1]) throw new ConflictError(problemTexts.paymentTerminalTaken);
      // The old terminal is claimed by another office: two offices stored before claims shared it,
      // and the backfill gave it to the other (and reported this one). Not this office's to release.
      if (release.length > 0 && failed?.[claim.length + 1]) return this.moveTerminal(put, office, undefined, changed);
      throw error;
    }
  }

  async terminalHolder(terminalId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.terminalClaim(terminalId), ConsistentRead: true }),
    );
    return typeof Item?.officeCode === 'string' ? Item.officeCode : undefined;
  }

  /** Claims a terminal for the office: refused while it names another office. */
  private claim(terminalId: string, officeCode: string) {
    return {
      TableName: this.tableName,
      Item: terminalClaimItem(terminalId, officeCode),
      ConditionExpression: 'attribute_not_exists(pk) OR officeCode = :office',
      ExpressionAttributeValues: { ':office': officeCode },
    };
  }
}

/** The claim that gives a payment terminal to one office (dynamo-keys.ts). */
export function terminalClaimItem(terminalId: string, officeCode: string): Record<string, unknown> {
  return { ...keys.terminalClaim(terminalId), entity: 'terminal-claim', terminalId, officeCode };
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
