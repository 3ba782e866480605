import { DEMO_OFFICES } from '../../local/demo-offices';
import { DomainError } from '../../shared/domain/errors';
import { applyOfficeChanges, type NewOffice, newOffice, summariseNetwork } from '../../shared/domain/office';

const now = new Date('2019-09-01T08:00:00Z');
const planned: NewOffice = {
  officeCode: '56142',
  name: 'دفتر مود',
  provinceCode: '29',
  judicialDistrict: 'سربیشه',
  county: 'سربیشه',
  bakhsh: 'مود',
  deprivedArea: true,
  status: 'planned',
  contact: {},
};

describe('office life cycle', () => {
  it('starts at version 1 with one history entry and no opening date while planned', () => {
    const office = newOffice(planned, now);

    expect(office).toMatchObject({
      version: 1,
      statusSince: '2019-09-01',
      statusHistory: [{ status: 'planned', since: '2019-09-01' }],
    });
    expect(office.openedOn).toBeUndefined();
  });

  it('sets the opening date when a planned office becomes active', () => {
    const office = applyOfficeChanges(newOffice(planned, now), { status: 'active' }, new Date('2019-09-20T06:00:00Z'));

    expect(office).toMatchObject({ status: 'active', openedOn: '2019-09-20', version: 2 });
  });

  it.each([
    ['planned', 'suspended'],
    ['closed', 'active'],
  ] as const)('refuses to go from %s to %s', (from, to) => {
    const office = { ...newOffice(planned, now), status: from };

    expect(() => applyOfficeChanges(office, { status: to }, now)).toThrow(DomainError);
  });

  it('refuses a status step dated before the latest step in its history, on or after it takes it', () => {
    const suspended = applyOfficeChanges(
      applyOfficeChanges(newOffice(planned, now), { status: 'active', statusSince: '2019-09-20' }, now),
      { status: 'suspended', statusSince: '2019-10-05' },
      now,
    );

    const backdated = () => applyOfficeChanges(suspended, { status: 'active', statusSince: '2019-10-04' }, now);
    const sameDay = applyOfficeChanges(suspended, { status: 'active', statusSince: '2019-10-05' }, now);

    expect(backdated).toThrow(/office-status-backdated/);
    expect(sameDay.statusHistory.map((step) => step.since)).toEqual([
      '2019-09-01',
      '2019-09-20',
      '2019-10-05',
      '2019-10-05',
    ]);
  });

  it("refuses a step left undated when today is before the latest step's date", () => {
    const futurePlan = newOffice({ ...planned, statusSince: '2019-12-01' }, now);

    expect(() => applyOfficeChanges(futurePlan, { status: 'active' }, now)).toThrow(/office-status-backdated/);
  });

  it('refuses a status date without a status step, unless it is the date already stored', () => {
    const office = newOffice(planned, now);

    const moved = () => applyOfficeChanges(office, { statusSince: '2019-01-01' }, now);
    const resent = applyOfficeChanges(office, { status: 'planned', statusSince: '2019-09-01', name: 'دفتر مود' }, now);

    expect(moved).toThrow(DomainError);
    expect(moved).toThrow(/validation/);
    expect(resent).toMatchObject({
      statusSince: '2019-09-01',
      statusHistory: [{ status: 'planned', since: '2019-09-01' }],
    });
  });

  it('refuses a change made against an older version', () => {
    expect(() => applyOfficeChanges(newOffice(planned, now), { name: 'دفتر', expectedVersion: 7 }, now)).toThrow(
      /office-changed/,
    );
  });
});

describe('network view of the demo province', () => {
  it("has the report's 15 active offices, 7 planned toward 22, and the five named deprived districts", () => {
    const offices = DEMO_OFFICES.filter((o) => o.provinceCode === '29').map((o) => newOffice(o, now, true));

    const network = summariseNetwork(offices);

    expect(network).toMatchObject({ active: 15, planned: 7, deprivedAreaOffices: 5, deprivedAreasServed: 0 });
    expect(
      offices
        .filter((o) => o.deprivedArea)
        .map((o) => o.bakhsh)
        .sort(),
    ).toEqual(['آرین‌شهر', 'ارسک', 'دیهوک', 'زهان', 'مود'].sort());
  });
});
