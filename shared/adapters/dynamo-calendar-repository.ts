import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors';
import type { LunarHoliday, ProvincialHoliday } from '../domain/holidays';
import type { WorkCalendar } from '../domain/legal-periods';
import type { ProvinceCode } from '../domain/provinces';
import { parseDay, type Weekday } from '../domain/solar-hijri-days';
import * as problemTexts from '../i18n/problem-texts';
import type { CalendarRepository, StoredLunarCalendar } from '../ports';
import { batchGetAll } from './dynamo-batch';
import { keys } from './dynamo-keys';

/**
 * Holiday calendars (key layout: dynamo-keys.ts): one item per loaded lunar year, one per province
 * and year holding its own holidays, one per province with its closed weekdays. A deadline needs
 * two years of a province, so its calendar is one BatchGetItem of five keys.
 */
export class DynamoCalendarRepository implements CalendarRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async workCalendar(provinceCode: ProvinceCode, years: readonly number[]): Promise<WorkCalendar> {
    const wanted = [
      keys.workWeek(provinceCode),
      ...years.map((year) => keys.lunarHolidays(year)),
      ...years.map((year) => keys.provincialHolidays(provinceCode, year)),
    ];
    // Eventually consistent: a holiday loaded a second ago may be missed once, never a stored fact.
    const items = await batchGetAll(this.db, this.tableName, wanted, false);
    const week = items.find((item) => item.entity === 'work-week');
    return {
      provinceCode,
      closedWeekdays: (week?.closedWeekdays ?? []) as Weekday[],
      lunarCalendars: items.filter((item) => item.entity === 'lunar-holidays').map(lunarFromItem),
      provincialHolidays: items
        .filter((item) => item.entity === 'provincial-holidays')
        .flatMap((item) => (item.holidays ?? []) as ProvincialHoliday[]),
    };
  }

  async lunarLoads(years: readonly number[]): Promise<Map<number, StoredLunarCalendar>> {
    const items = await batchGetAll(
      this.db,
      this.tableName,
      years.map((year) => keys.lunarHolidays(year)),
      false,
    );
    return new Map(items.map((item) => [Number(item.year), lunarFromItem(item)]));
  }

  async lunarLoad(year: number): Promise<StoredLunarCalendar | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.lunarHolidays(year), ConsistentRead: true }),
    );
    return Item ? lunarFromItem(Item) : undefined;
  }

  async putLunarCalendar(calendar: StoredLunarCalendar, replacing?: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.lunarHolidays(calendar.year), entity: 'lunar-holidays', ...calendar },
          // A load stored before loads had versions is version 1 (lunarFromItem).
          ConditionExpression:
            replacing === undefined
              ? 'attribute_not_exists(pk)'
              : replacing === 1
                ? 'attribute_exists(pk) AND (version = :replacing OR attribute_not_exists(version))'
                : 'version = :replacing',
          ...(replacing === undefined ? {} : { ExpressionAttributeValues: { ':replacing': replacing } }),
          // The load that is stored instead, so that the refusal names its version (0: none).
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const stored = error.Item ? Number(error.Item.version?.N ?? 1) : 0;
      throw new ConflictError(problemTexts.lunarHolidaysLoaded, { year: calendar.year, version: stored });
    }
  }

  async addProvincialHoliday(holiday: ProvincialHoliday): Promise<void> {
    const year = parseDay(holiday.date)?.year;
    if (year === undefined) throw new RangeError(`not a Solar Hijri day: ${holiday.date}`);
    try {
      // One item per province and year: the list of holidays and the set of their dates, so that a
      // day is added once even when two administrators add it at the same moment.
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.provincialHolidays(holiday.provinceCode, year),
          UpdateExpression:
            'SET entity = :entity, provinceCode = :province, #year = :year, ' +
            'holidays = list_append(if_not_exists(holidays, :none), :holiday) ADD dates :date',
          ConditionExpression: 'attribute_not_exists(dates) OR NOT contains(dates, :day)',
          ExpressionAttributeNames: { '#year': 'year' },
          ExpressionAttributeValues: {
            ':entity': 'provincial-holidays',
            ':province': holiday.provinceCode,
            ':year': year,
            ':none': [],
            ':holiday': [holiday],
            ':date': new Set([holiday.date]),
            ':day': holiday.date,
          },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError(problemTexts.holidayExists, { date: holiday.date });
      throw error;
    }
  }

  async setClosedWeekdays(provinceCode: ProvinceCode, closedWeekdays: readonly Weekday[]): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.workWeek(provinceCode), entity: 'work-week', provinceCode, closedWeekdays },
      }),
    );
  }
}

function lunarFromItem(item: Record<string, unknown>): StoredLunarCalendar {
  return {
    year: Number(item.year),
    holidays: (item.holidays ?? []) as LunarHoliday[],
    source: String(item.source ?? ''),
    demo: item.demo === true,
    loadedAt: String(item.loadedAt ?? ''),
    version: Number(item.version ?? 1),
  };
}
