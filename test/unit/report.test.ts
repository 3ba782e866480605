import { monthRange, parseMonth } from '../../shared/domain/months';
import { type NewOffice, newOffice } from '../../shared/domain/office';
import { buildMonthlyReport, type CounterValues, cutToOffice } from '../../shared/domain/report';
import { PREAMBLE_LINES, reportCsv, reportFileName, reportSvg } from '../../shared/domain/report-files';

const month = parseMonth('solar-hijri', '1398-06')!;
const base: Omit<NewOffice, 'officeCode' | 'name' | 'judicialDistrict'> = {
  provinceCode: '29',
  county: 'بیرجند',
  deprivedArea: false,
  status: 'active',
  statusSince: '2018-03-01',
  contact: {},
};
const offices = [
  newOffice(
    { ...base, officeCode: '56101', name: 'دفتر "بیرجند"، شماره 1', judicialDistrict: 'بیرجند' },
    new Date('2018-03-01'),
  ),
  newOffice(
    { ...base, officeCode: '56102', name: 'دفتر بیرجند 2', judicialDistrict: 'بیرجند' },
    new Date('2018-03-01'),
  ),
  newOffice(
    { ...base, officeCode: '56111', name: '=HYPERLINK("x") قائن', judicialDistrict: 'قائن' },
    new Date('2018-03-01'),
  ),
  newOffice(
    {
      ...base,
      officeCode: '56142',
      name: 'دفتر مود',
      judicialDistrict: 'سربیشه',
      bakhsh: 'مود',
      deprivedArea: true,
      status: 'planned',
      statusSince: '2019-01-01',
    },
    new Date('2019-01-01'),
  ),
];
offices[3]!.statusHistory.push({ status: 'active', since: '2019-09-01' });
offices[3]!.openedOn = '2019-09-01';

const current = new Map<string, CounterValues>([
  [
    '56101',
    {
      submitted: 10,
      'kind:civil-petition': 7,
      'kind:appeal': 3,
      returned: 2,
      documentsVerified: 25,
      ratings: 4,
      courtesySum: 18,
      responsivenessSum: 16,
      overallSum: 17,
    },
  ],
  ['56102', { submitted: 10, 'kind:request': 10 }],
  ['56111', { submitted: 4, 'kind:civil-petition': 4 }],
  ['56142', { submitted: 3, 'kind:criminal-complaint': 3 }],
]);
const previous = new Map<string, CounterValues>([
  ['56101', { submitted: 8 }],
  ['56111', { submitted: 5 }],
]);

const report = buildMonthlyReport({
  provinceCode: '29',
  provinceName: 'خراسان جنوبی',
  month,
  range: monthRange(month),
  firstDay: '2019-08-23',
  lastDay: '2019-09-22',
  offices,
  current,
  previous,
  target: { targetCount: 22, targetDate: '2019-09-22' },
  generatedAt: new Date('2019-10-01T00:00:00Z'),
});

describe('monthly report figures', () => {
  it('ranks offices by petitions registered, ties sharing a rank', () => {
    expect(report.offices.map((o) => [o.officeCode, o.rank])).toEqual([
      ['56101', 1],
      ['56102', 1],
      ['56111', 3],
      ['56142', 4],
    ]);
  });

  it('compares with the previous month, with no percentage where the previous month had none', () => {
    const byCode = Object.fromEntries(report.offices.map((o) => [o.officeCode, o]));

    expect(byCode['56101']).toMatchObject({ registered: 10, previous: 8, change: 2, changePercent: 25 });
    expect(byCode['56111']).toMatchObject({ change: -1, changePercent: -20 });
    expect(byCode['56102']).toMatchObject({ previous: 0, changePercent: null });
  });

  it('keeps kinds, returns, documents and rating averages per office', () => {
    expect(report.offices[0]).toMatchObject({
      byKind: { 'civil-petition': 7, appeal: 3, request: 0 },
      returnedForDefects: 2,
      documentsStored: 25,
      ratings: { responses: 4, courtesy: 4.5, responsiveness: 4, overall: 4.25 },
    });
    expect(report.offices[1]!.ratings).toEqual({ responses: 0, courtesy: null, responsiveness: null, overall: null });
  });

  it('adds districts and the province up from the offices', () => {
    expect(report.districts.find((d) => d.judicialDistrict === 'بیرجند')).toMatchObject({
      offices: 2,
      registered: 20,
      previous: 8,
    });
    expect(report.province).toMatchObject({ offices: 4, registered: 27, previous: 13, change: 14 });
  });

  it('counts the network at the month end: the deprived-area office opened this month, progress against the target', () => {
    expect(report.network).toMatchObject({
      active: 4,
      planned: 0,
      openedThisMonth: 1,
      deprivedAreaOffices: 1,
      deprivedAreaPetitions: 3,
      target: { targetCount: 22, targetDate: '2019-09-22', progressPercent: 18.2 },
    });
  });

  it("cuts a manager's view to their own office", () => {
    const cut = cutToOffice(report, '56111');

    expect(cut.offices.map((o) => o.officeCode)).toEqual(['56111']);
    expect(cut.districts.map((d) => d.judicialDistrict)).toEqual(['قائن']);
    expect(cut.province.registered).toBe(27);
  });
});

describe('report files', () => {
  it('writes CSV for Excel: BOM, CRLF, RFC 4180 quoting, no formula cells', () => {
    const csv = reportCsv(report);
    const lines = csv.slice(1).split('\r\n');

    const table = lines.slice(PREAMBLE_LINES);

    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(table).toHaveLength(report.offices.length + 2);
    expect(table[1]).toContain('"دفتر ""بیرجند""، شماره 1"');
    expect(csv).toContain(`"'=HYPERLINK(""x"") قائن"`);
    expect(table[0]).toMatch(/^رتبه \(rank\),/);
  });

  it('adds the court figures per office at the end of each CSV row: returns by defect code, lapsed cures, rejections', () => {
    const first = report.offices[0]!;
    const withCourtWork = {
      ...report,
      offices: [
        {
          ...first,
          returnsByDefect: {
            'unpaid-fees': 3,
            'defendant-particulars': 0,
            'claim-and-value': 1,
            'grounds-of-claim': 0,
            'relief-sought': 0,
            evidence: 2,
          },
          curesLapsed: 1,
          rejections: 2,
          rejectionsForLapsedCure: 1,
        },
      ],
    };

    const [header, row] = reportCsv(withCourtWork).slice(1).split('\r\n').slice(PREAMBLE_LINES);

    expect(header).toMatch(/\(returned: unpaid-fees\).*\(returned: evidence\),.*\(cures lapsed\),.*\(rejections\),/);
    expect(row!.split(',').slice(-9)).toEqual(['3', '0', '1', '0', '0', '2', '1', '2', '1']);
  });

  it('draws a right-to-left chart with Persian labels and digits, escaping names', () => {
    const svg = reportSvg(report);

    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('direction="rtl"');
    expect(svg).toContain('دفتر &quot;بیرجند&quot;، شماره ۱');
    expect(svg).toContain('شهریور ۱۳۹۸');
    expect(svg.match(/<rect /g)!.length).toBe(1 + 2 + report.offices.length * 2);
  });

  it('says which month a CSV is in its first lines and the file name, keeping the header row the same every month', () => {
    const other = { ...report, month: '1398-07' };

    const [first, status] = reportCsv(report).slice(1).split('\r\n');
    const headerOf = (r: typeof report) => reportCsv(r).slice(1).split('\r\n')[PREAMBLE_LINES];

    expect(first).toContain(',1398-06,solar-hijri');
    expect(status).toContain('نهایی (final)');
    expect(headerOf(other)).toBe(headerOf(report));
    expect(reportFileName(report, 'csv')).toBe('monthly-report-sh-1398-06.csv');
  });

  it('labels both months on the chart, draws a scale and writes every digit in Persian', () => {
    const svg = reportSvg(report);
    const visibleText = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');

    expect(svg).toContain('>۱۰</text>'); // 56101 this month
    expect(svg).toContain('>۸</text>'); // 56101 the month before
    expect(svg.match(/<line /g)).toHaveLength(5);
    expect(visibleText).not.toMatch(/[0-9]/);
  });
});

describe('a month still running', () => {
  const running = buildMonthlyReport({
    provinceCode: '29',
    provinceName: 'خراسان جنوبی',
    month,
    range: monthRange(month),
    firstDay: '2019-08-23',
    lastDay: '2019-09-22',
    offices,
    current,
    previous,
    target: null,
    // 1398-06 began 2019-08-22T19:30Z (Tehran midnight at +04:30); a week and a bit later:
    generatedAt: new Date('2019-08-30T12:00:00Z'),
  });

  it('says how many of its days the figures cover, in every format', () => {
    expect(running).toMatchObject({ provisional: true, coverage: { daysCovered: 8, daysInMonth: 31 } });
    expect(reportCsv(running)).toContain('موقت: 8 روز از 31 روز ماه (provisional: 8 of 31 days)');
    expect(reportSvg(running)).toContain('(موقت: ۸ روز از ۳۱ روز)');
    expect(reportSvg(running)).toContain('ماه قبل (کامل، ۳۱ روز)');
  });

  it('is complete once closed', () => {
    expect(report).toMatchObject({ provisional: false, coverage: { daysCovered: 31, daysInMonth: 31 } });
  });
});

describe('ranking', () => {
  it('ranks only the offices active at the month end', () => {
    const planned = newOffice(
      { ...base, officeCode: '56199', name: 'دفتر برنامه‌ریزی‌شده', judicialDistrict: 'بیرجند', status: 'planned' },
      new Date('2019-01-01T00:00:00Z'),
    );

    const withPlanned = buildMonthlyReport({
      provinceCode: '29',
      provinceName: 'خراسان جنوبی',
      month,
      range: monthRange(month),
      firstDay: '2019-08-23',
      lastDay: '2019-09-22',
      offices: [...offices, planned],
      current,
      previous,
      target: null,
      generatedAt: new Date('2019-10-01T00:00:00Z'),
    });

    expect(withPlanned.offices.find((o) => o.officeCode === '56199')).toMatchObject({ rank: null, registered: 0 });
    expect(withPlanned.offices.filter((o) => o.rank !== null)).toHaveLength(4);
  });
});
