import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PROVINCE_CODES, type ProvinceCode } from '../domain/provinces';
import type { NetworkTarget } from '../domain/report';
import type { ReportJobOutlook, ReportRepository, ReportScope } from '../ports';
import { batchGetAll } from './dynamo-batch';
import { keys } from './dynamo-keys';
import { officeProvincesUpdate } from './dynamo-office-repository';
import { retryContention } from './dynamo-transactions';

/**
 * Report inputs and bookkeeping:
 * - counters        pk `OFFICE#<code>`     sk `COUNT#<period>` (written by submissions, returns, ratings, verifications)
 * - a province's target  pk `CONFIG`   sk `TARGET#<province>`
 * - report ledger   pk `REPORT#<period>@<scope>`   sk `REPORT`  state generating|done, with a lease, so each
 *   month's report of each scope is produced once
 * - month marker    pk `REPORT#<period>`   sk `MONTH`  the scopes (a string set) whose reports of the month
 *   are all done: the daily job reads 12 of these, not a ledger item per month and scope
 * - office provinces  pk and sk `OFFICE-PROVINCES`  the provinces that have an office, read with the
 *   markers, so that a day with nothing to do is one BatchGetItem (the offices are listed only when a month is open)
 */
export class DynamoReportRepository implements ReportRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async counters(
    officeCodes: readonly string[],
    period: string,
  ): Promise<Map<string, Record<string, number | bigint>>> {
    const out = new Map<string, Record<string, number | bigint>>();
    for (const item of await this.batchGet(officeCodes.map((code) => keys.counter(code, period)))) {
      const { pk, sk: _sk, officeCode: _o, period: _p, ...values } = item;
      out.set(String(pk).slice('OFFICE#'.length), values as Record<string, number | bigint>);
    }
    return out;
  }

  private batchGet(wanted: ReadonlyArray<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
    return batchGetAll(this.db, this.tableName, wanted);
  }

  async target(provinceCode: ProvinceCode): Promise<NetworkTarget | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.networkTarget(provinceCode) }),
    );
    return Item ? { targetCount: Number(Item.targetCount), targetDate: String(Item.targetDate) } : null;
  }

  async targets(): Promise<Map<ProvinceCode, NetworkTarget>> {
    const targets = new Map<ProvinceCode, NetworkTarget>();
    for (const item of await this.batchGet(PROVINCE_CODES.map((code) => keys.networkTarget(code)))) {
      targets.set(item.provinceCode as ProvinceCode, {
        targetCount: Number(item.targetCount),
        targetDate: String(item.targetDate),
      });
    }
    return targets;
  }

  async setTarget(provinceCode: ProvinceCode, target: NetworkTarget): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: networkTargetItem(provinceCode, target),
      }),
    );
  }

  async done(jobs: readonly string[]): Promise<Set<string>> {
    const done = new Set<string>();
    for (const item of await this.batchGet(jobs.map((job) => keys.report(job)))) {
      if (item.state === 'done') done.add(String(item.job));
    }
    return done;
  }

  async jobOutlook(periods: readonly string[]): Promise<ReportJobOutlook> {
    const covered = new Map<string, Set<ReportScope>>();
    let officeProvinces: Set<ProvinceCode> | undefined;
    const wanted = [keys.officeProvinces(), ...periods.map((period) => keys.reportMonth(period))];
    for (const item of await this.batchGet(wanted)) {
      if (item.entity === 'office-provinces') {
        if (item.complete === true) officeProvinces = new Set((item.provinces as Set<ProvinceCode> | undefined) ?? []);
      } else covered.set(String(item.period), new Set(item.scopes as Set<ReportScope>));
    }
    return { covered, ...(officeProvinces ? { officeProvinces } : {}) };
  }

  async recordOfficeProvinces(provinces: readonly ProvinceCode[], listing: { complete: boolean }): Promise<void> {
    // An office's registration adds its province to this item in its own transaction: a write made
    // meanwhile is refused for the conflict, not for anything it said, so it is tried again (ADD
    // and SET: twice is once). Only a conflict that outlasts the tries fails the run.
    await retryContention(() =>
      this.db.send(new UpdateCommand(officeProvincesUpdate(this.tableName, provinces, listing))),
    );
  }

  async cover(period: string, scopes: readonly ReportScope[]): Promise<void> {
    if (scopes.length === 0) return;
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.reportMonth(period),
        // A set grows by ADD, so two runs covering a month at once both land.
        UpdateExpression: 'ADD scopes :scopes SET entity = :entity, period = :period',
        ExpressionAttributeValues: { ':scopes': new Set(scopes), ':entity': 'report-month', ':period': period },
      }),
    );
  }

  async claim(job: string, owner: string, now: Date, leaseSeconds: number): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.report(job),
            entity: 'report-ledger',
            job,
            state: 'generating',
            owner,
            leaseUntil: now.getTime() + leaseSeconds * 1000,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :generating AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':generating': 'generating', ':now': now.getTime() },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async complete(job: string, generatedAt: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.report(job),
        // A report generated on request was never claimed: the ledger item may not exist yet.
        UpdateExpression:
          'SET #state = :done, generatedAt = :at, entity = :entity, job = :job REMOVE leaseUntil, #owner',
        ExpressionAttributeNames: { '#state': 'state', '#owner': 'owner' },
        ExpressionAttributeValues: { ':done': 'done', ':at': generatedAt, ':entity': 'report-ledger', ':job': job },
      }),
    );
  }
}

/** A province's target as stored. */
export function networkTargetItem(provinceCode: ProvinceCode, target: NetworkTarget): Record<string, unknown> {
  return { ...keys.networkTarget(provinceCode), entity: 'network-target', provinceCode, ...target };
}
