import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/adapters/dynamo-keys';
import { officeItem } from '../shared/adapters/dynamo-office-repository';
import { networkTargetItem } from '../shared/adapters/dynamo-report-repository';
import { kindCounter } from '../shared/domain/counters';
import { counterPeriod, type MonthId, previousMonth } from '../shared/domain/months';
import { newOffice, type Office } from '../shared/domain/office';
import { PETITION_KINDS } from '../shared/domain/petition';
import { PROVINCE_CODES, type ProvinceCode } from '../shared/domain/provinces';
import type { CounterValues, NetworkTarget } from '../shared/domain/report';

/**
 * A whole country's network, made up but deterministic: offices spread over the 31 provinces
 * (Tehran, the most populous, gets more), a tenth of them planned, one in seven in a deprived
 * area, and the monthly counters their submissions would have left for a month and the month
 * before. Reports read only counters, so no petition is needed to measure or check them.
 */
export interface NationalNetwork {
  month: MonthId;
  offices: Office[];
  current: Map<string, CounterValues>;
  previous: Map<string, CounterValues>;
  targets: Map<ProvinceCode, NetworkTarget>;
}

const OPENED = new Date('2025-03-21T00:00:00Z');

export function nationalNetwork(month: MonthId, officeCount = 3000): NationalNetwork {
  // Six extra slots in 37 go to Tehran (07): the provinces are not all the same size.
  const slots = [...PROVINCE_CODES, ...Array<ProvinceCode>(6).fill('07')];
  const offices: Office[] = [];
  const current = new Map<string, CounterValues>();
  const previous = new Map<string, CounterValues>();
  const perProvince = new Map<ProvinceCode, number>();
  for (let i = 0; i < officeCount; i++) {
    const provinceCode = slots[i % slots.length]!;
    const n = (perProvince.get(provinceCode) ?? 0) + 1;
    perProvince.set(provinceCode, n);
    const officeCode = `${provinceCode}${String(n).padStart(4, '0')}`;
    const planned = i % 10 === 9;
    const deprivedArea = i % 7 === 3;
    const county = `شهرستان ${n % 12}`;
    offices.push(
      newOffice(
        {
          officeCode,
          name: `دفتر ${officeCode}`,
          provinceCode,
          judicialDistrict: `حوزه ${n % 9}`,
          county,
          ...(deprivedArea ? { bakhsh: `بخش ${n % 5}` } : {}),
          deprivedArea,
          status: planned ? 'planned' : 'active',
          contact: {},
        },
        OPENED,
        true,
      ),
    );
    if (planned) continue;
    const kind = PETITION_KINDS[i % PETITION_KINDS.length]!;
    const submitted = (i * 7919) % 53;
    const before = (i * 104_729) % 47;
    current.set(officeCode, { submitted, [kindCounter(kind)]: submitted });
    previous.set(officeCode, { submitted: before, [kindCounter(kind)]: before });
  }
  const targets = new Map<ProvinceCode, NetworkTarget>();
  for (const [code, count] of perProvince) targets.set(code, { targetCount: count + 10, targetDate: '2027-03-20' });
  return { month, offices, current, previous, targets };
}

/** Writes the network's offices, counters and targets straight into a table, 25 items a call. */
export async function seedNationalNetwork(
  db: DynamoDBDocumentClient,
  table: string,
  network: NationalNetwork,
): Promise<void> {
  const counterItems = (values: Map<string, CounterValues>, period: string) =>
    [...values].map(([officeCode, counts]) => ({ ...keys.counter(officeCode, period), officeCode, period, ...counts }));
  const items: Array<Record<string, unknown>> = [
    ...network.offices.map(officeItem),
    ...counterItems(network.current, counterPeriod(network.month)),
    ...counterItems(network.previous, counterPeriod(previousMonth(network.month))),
    ...[...network.targets].map(([provinceCode, target]) => networkTargetItem(provinceCode, target)),
  ];
  await batchPut(db, table, items);
}

/** Puts items 25 a call on 8 connections, asking again for what DynamoDB left unprocessed. */
export async function batchPut(db: DynamoDBDocumentClient, table: string, items: Array<Record<string, unknown>>) {
  const batches: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        let pending = batch.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length > 0) {
          const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
          pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
        }
      }
    }),
  );
}
