import { handler as addProvincialHoliday } from '../../functions/add-provincial-holiday';
import { handler as getWorkCalendar } from '../../functions/get-work-calendar';
import { handler as loadLunarHolidays } from '../../functions/load-lunar-holidays';
import { handler as setWorkWeek } from '../../functions/set-work-week';
import { demoLunarCalendar } from '../../local/demo-holidays';
import { apiEvent, type Caller, call } from '../support/api-event';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

const national: Caller = { role: 'national-admin' };
const southKhorasan: Caller = { role: 'province-admin', provinceCode: '29' };
const yazd: Caller = { role: 'province-admin', provinceCode: '25' };

const ashura = { date: '1405-04-04', name: { fa: 'عاشورای حسینی', en: 'Ashura' } };

const load = (body: unknown, caller: Caller = national) =>
  call(loadLunarHolidays, apiEvent('load-lunar-holidays', { caller, body }));
const calendarOf = (year: string, caller: Caller, query?: Record<string, string>) =>
  call(
    getWorkCalendar,
    apiEvent('get-work-calendar', { caller, pathParameters: { year }, ...(query ? { query } : {}) }),
  );
const addHoliday = (body: unknown, caller: Caller = southKhorasan) =>
  call(addProvincialHoliday, apiEvent('add-provincial-holiday', { caller, body }));

describe("the national administrator loads a year's lunar holidays", () => {
  it('stores them, shows them in every province, and replaces an earlier load of that year', async () => {
    const first = await load({ year: 1405, holidays: [ashura], source: 'Official calendar 1405, first print' });
    const second = await load({
      year: 1405,
      holidays: [ashura, { date: '1405-04-03', name: { fa: 'تاسوعای حسینی', en: 'Tasua' } }],
      source: 'Official calendar 1405',
    });

    const yazdView = await calendarOf('1405', yazd);

    expect(first.status).toBe(200);
    expect(second.body).toMatchObject({ year: 1405, holidays: 2, demo: false });
    expect(yazdView.body.lunar).toMatchObject({ source: 'Official calendar 1405', demo: false });
    expect(yazdView.body.holidays.filter((h: { kind: string }) => h.kind === 'lunar')).toEqual([
      { date: '1405-04-03', kind: 'lunar', name: { fa: 'تاسوعای حسینی', en: 'Tasua' } },
      { date: '1405-04-04', kind: 'lunar', name: ashura.name },
    ]);
  });

  it('takes a demo calendar marked as demo', async () => {
    const answer = await load(demoLunarCalendar(1406));

    expect(answer.body).toMatchObject({ year: 1406, demo: true });
  });

  it('refuses a day outside the year, a day twice or one that does not exist, naming each, and writes nothing', async () => {
    const before = await tableSnapshot();

    const answer = await load({
      year: 1407,
      holidays: [
        { ...ashura, date: '1406-04-04' },
        { ...ashura, date: '1407-04-04' },
        { ...ashura, date: '1407-04-04' },
        { ...ashura, date: '1407-12-30' },
      ],
      source: 'Official calendar 1407',
    });

    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.holidays.0.date',
      'body.holidays.2.date',
      'body.holidays.3.date',
    ]);
    expect(await tableSnapshot()).toEqual(before);
  });

  it.each([
    ['province-admin', southKhorasan],
    ['clerk', { role: 'clerk', officeCode: '56101' } as Caller],
  ])('answers 403 to a %s', async (_role, caller) => {
    const answer = await load({ year: 1405, holidays: [ashura], source: 'Official calendar' }, caller);

    expect(answer.status).toBe(403);
  });
});

describe("a province's own holidays and closed weekdays", () => {
  it("are the province's alone: the calendar lists them with the fixed and lunar ones, by date", async () => {
    const snow = { date: '1405-10-15', name: { fa: 'تعطیلی برف', en: 'Snow closure' } };

    const added = await addHoliday(snow);
    const again = await addHoliday({ ...snow, name: { fa: 'تعطیلی دوباره', en: 'Twice' } });
    await call(
      setWorkWeek,
      apiEvent('set-work-week', { caller: southKhorasan, body: { closedWeekdays: ['thursday'] } }),
    );

    const own = await calendarOf('1405', southKhorasan);
    const other = await calendarOf('1405', yazd);

    expect(added.status).toBe(201);
    expect(added.body).toEqual({ provinceCode: '29', ...snow });
    expect(again.status).toBe(409);
    expect(own.body.closedWeekdays).toEqual(['thursday', 'friday']);
    expect(own.body.holidays.find((h: { kind: string }) => h.kind === 'provincial')).toEqual({
      kind: 'provincial',
      ...snow,
    });
    const dates = own.body.holidays.map((h: { date: string }) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(expect.arrayContaining(['1405-01-01', '1405-04-04', '1405-10-15', '1405-12-29']));
    expect(other.body.closedWeekdays).toEqual(['friday']);
    expect(other.body.holidays.some((h: { kind: string }) => h.kind === 'provincial')).toBe(false);
  });

  it('refuses Friday (always closed), a repeated day and a week with no open day', async () => {
    const answers = await Promise.all(
      [['friday'], ['thursday', 'thursday'], ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday']].map(
        (closedWeekdays) =>
          call(setWorkWeek, apiEvent('set-work-week', { caller: southKhorasan, body: { closedWeekdays } })),
      ),
    );

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
  });

  it('shows a year without lunar holidays as not loaded, and the national calendar without a province', async () => {
    const unloaded = await calendarOf('1409', southKhorasan);
    const nationalView = await calendarOf('1405', national);
    const clerkWithout = await calendarOf('1405', { role: 'clerk', officeCode: '56101' });

    expect(unloaded.body).toMatchObject({ year: 1409, provinceCode: '29', lunar: null });
    expect(nationalView.body.provinceCode).toBeNull();
    expect(nationalView.body.holidays.some((h: { kind: string }) => h.kind === 'provincial')).toBe(false);
    expect(clerkWithout.status).toBe(400);
  });
});
