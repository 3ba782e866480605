import { monthRange, parseMonth } from '../../shared/domain/months';
import { newOffice } from '../../shared/domain/office';
import { buildMonthlyReport, type CounterValues } from '../../shared/domain/report';
import { reportCsv } from '../../shared/domain/report-files';

/**
 * What each office collected in the month, per payee, from the `collected:<payee>` counters the
 * verified payments add: exact whatever the size (DynamoDB gives a bigint beyond 2^53), added up
 * for the district and the province as bigint, and shown in the CSV as plain digits.
 */
const month = parseMonth('solar-hijri', '1405-09')!;
const office = (officeCode: string) =>
  newOffice(
    {
      officeCode,
      name: `دفتر ${officeCode}`,
      provinceCode: '29',
      judicialDistrict: 'بیرجند',
      county: 'بیرجند',
      deprivedArea: false,
      status: 'active',
      statusSince: '2020-01-01',
      contact: {},
    },
    new Date('2020-01-01'),
  );

const beyondDoubles = 9_007_199_254_740_993n; // 2^53 + 1: a double would read 2^53
const current = new Map<string, CounterValues>([
  ['56101', { submitted: 2, 'collected:judiciary': beyondDoubles, 'collected:office': 1_690_000 }],
  ['56102', { submitted: 1, 'collected:judiciary': 250_000, 'collected:office': 845_000 }],
  ['56103', { submitted: 0 }],
]);

const report = buildMonthlyReport({
  provinceCode: '29',
  provinceName: 'خراسان جنوبی',
  month,
  range: monthRange(month),
  firstDay: '2026-11-22',
  lastDay: '2026-12-21',
  offices: ['56101', '56102', '56103'].map(office),
  current,
  previous: new Map(),
  target: null,
  generatedAt: new Date('2026-12-22T00:00:00Z'),
});

describe('collections in the monthly report', () => {
  it('shows each office collected per payee exactly, zero where nothing was paid', () => {
    const byCode = Object.fromEntries(report.offices.map((o) => [o.officeCode, o.collected]));

    expect(byCode['56101']).toEqual({
      judiciaryRials: '9007199254740993',
      officeRials: '1690000',
      totalRials: '9007199256430993',
    });
    expect(byCode['56102']).toEqual({ judiciaryRials: '250000', officeRials: '845000', totalRials: '1095000' });
    expect(byCode['56103']).toEqual({ judiciaryRials: '0', officeRials: '0', totalRials: '0' });
  });

  it('adds the province up as whole rials, never through a double', () => {
    expect(report.province.collected).toEqual({
      judiciaryRials: '9007199254990993',
      officeRials: '2535000',
      totalRials: '9007199257525993',
    });
  });

  it('puts both payees in the CSV as plain digits', () => {
    const csv = reportCsv(report);

    expect(csv).toContain('court fees collected, rials');
    expect(csv).toContain('office tariff collected, rials');
    expect(csv).toContain('9007199254740993');
  });
});
