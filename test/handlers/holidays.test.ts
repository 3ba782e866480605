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
  it('stores them, shows them in every province, and replaces an earlier load of that year named by its version', async () => {
    const first = await load({ year: 1405, holidays: [ashura], source: 'Official calendar 1405, first print' });
    const second = await load({
      year: 1405,
      holidays: [ashura, { date: '1405-04-03', name: { fa: 'تاسوعای حسینی', en: 'Tasua' } }],
      source: 'Official calendar 1405',
      expectedVersion: first.body.version,
    });

    const yazdView = await calendarOf('1405', yazd);

    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    expect(second.body).toMatchObject({ year: 1405, holidays: 2, demo: false, version: 2 });
    expect(yazdView.body.lunar).toMatchObject({ source: 'Official calendar 1405', demo: false, version: 2 });
    expect(yazdView.body.holidays.filter((h: { kind: string }) => h.kind === 'lunar')).toEqual([
      { date: '1405-04-03', kind: 'lunar', name: { fa: 'تاسوعای حسینی', en: 'Tasua' } },
      { date: '1405-04-04', kind: 'lunar', name: ashura.name },
    ]);
  });

  it('answers 409 to a load of a loaded year that does not name its version, or names a stale one, and writes nothing', async () => {
    const first = await load({ year: 1408, holidays: [{ ...ashura, date: '1408-03-05' }], source: 'Official 1408' });
    const before = await tableSnapshot();
    const replacement = {
      year: 1408,
      holidays: [{ ...ashura, date: '1408-03-06' }],
      source: 'Official 1408, corrected',
    };

    const unnamed = await call(
      loadLunarHolidays,
      apiEvent('load-lunar-holidays', { caller: national, headers: { 'accept-language': 'en' }, body: replacement }),
    );
    const stale = await load({ ...replacement, expectedVersion: first.body.version + 1 });
    const unloaded = await load({
      ...replacement,
      year: 1412,
      holidays: [{ ...ashura, date: '1412-02-25' }],
      expectedVersion: 1,
    });

    expect(unnamed.status).toBe(409);
    expect(unnamed.body.type).toBe('urn:judicial-e-services:problem:lunar-holidays-loaded');
    expect(unnamed.body.detail).toBe(
      'The lunar holidays of 1408 are loaded at version 1; to replace that load, send the calendar with expectedVersion 1.',
    );
    expect(stale.status).toBe(409);
    expect(unloaded.status).toBe(409);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('keeps one of two different first loads of a year sent at once, and answers the other 409', async () => {
    const loadOf = (date: string) => load({ year: 1413, holidays: [{ ...ashura, date }], source: `Official, ${date}` });

    const answers = await Promise.all([loadOf('1413-01-20'), loadOf('1413-01-21')]);
    const view = await calendarOf('1413', yazd);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const kept = answers.find((answer) => answer.status === 200)!;
    expect(view.body.lunar).toMatchObject({ source: kept.body.source, version: 1 });
  });

  it('answers the stored load to the same calendar sent again (a retry), writing nothing', async () => {
    const calendar = { year: 1411, holidays: [{ ...ashura, date: '1411-02-14' }], source: 'Official 1411' };
    const first = await load(calendar);
    const before = await tableSnapshot();

    const again = await load(calendar);

    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await tableSnapshot()).toEqual(before);
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
