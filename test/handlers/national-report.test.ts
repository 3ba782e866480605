import { nationalNetwork, seedNationalNetwork } from '../../bench/national-network';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { cryptoIds } from '../../shared/adapters/from-env';
import { reportDepsFromEnv } from '../../shared/adapters/report-deps';
import { readEnv, tableEnvShape } from '../../shared/config';
import { parseMonth } from '../../shared/domain/months';
import { PROVINCES } from '../../shared/domain/provinces';
import type { MonthlyReport, NationalReport } from '../../shared/domain/report';
import { nationalCsv } from '../../shared/domain/report-files';
import { generateReport, type ReportDeps } from '../../shared/use-cases/reports';
import { dropStores, provisionStores } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

const month = parseMonth('solar-hijri', '1405-08')!;
const network = nationalNetwork(month, 3000);

function deps(): ReportDeps {
  return { ...reportDepsFromEnv(), clock: { now: () => new Date('2026-12-01T08:00:00Z') }, ids: cryptoIds };
}

/** What each province's row must say, added up here straight from the seeded offices and counters. */
function expectedRows() {
  return PROVINCES.map(({ code }) => {
    const offices = network.offices.filter((o) => o.provinceCode === code);
    const active = offices.filter((o) => o.status === 'active');
    const sum = (values: typeof network.current) =>
      offices.reduce((total, o) => total + Number(values.get(o.officeCode)?.submitted ?? 0), 0);
    const deprived = offices.filter((o) => o.deprivedArea);
    return {
      provinceCode: code,
      offices: offices.length,
      active: active.length,
      planned: offices.length - active.length,
      registered: sum(network.current),
      previous: sum(network.previous),
      deprivedAreaOffices: deprived.length,
      deprivedAreasServed: new Set(deprived.filter((o) => o.status === 'active').map((o) => o.bakhsh ?? o.county)).size,
      deprivedAreaPetitions: deprived.reduce(
        (t, o) => t + Number(network.current.get(o.officeCode)?.submitted ?? 0),
        0,
      ),
      targetCount: network.targets.get(code)!.targetCount,
    };
  });
}

describe('the national report of a network of 3,000 offices in 31 provinces', () => {
  let report: NationalReport;

  beforeAll(async () => {
    const config = readEnv(tableEnvShape);
    const db = createDocumentClient(config);
    await seedNationalNetwork(db, config.TABLE_NAME, network);
    db.destroy();
    report = (await generateReport(deps(), month, 'national')) as NationalReport;
  }, 120_000);

  it('has every province once, with the figures its offices and counters add up to', () => {
    const expected = expectedRows();

    expect(report.provinces).toHaveLength(31);
    for (const row of expected) {
      const { targetCount, ...figures } = row;
      expect(report.provinces.find((p) => p.provinceCode === row.provinceCode)).toMatchObject({
        ...figures,
        change: figures.registered - figures.previous,
        target: expect.objectContaining({ targetCount }),
      });
    }
    expect(report.country).toMatchObject({
      provinces: 31,
      offices: 3000,
      registered: expected.reduce((t, r) => t + r.registered, 0),
      previous: expected.reduce((t, r) => t + r.previous, 0),
      deprivedAreaPetitions: expected.reduce((t, r) => t + r.deprivedAreaPetitions, 0),
    });
  });

  it('ranks provinces by petitions registered, ties sharing a rank', () => {
    const registered = report.provinces.map((p) => p.registered);

    expect(registered).toEqual([...registered].sort((a, b) => b - a));
    report.provinces.forEach((row, i) => {
      const better = report.provinces.filter((other) => other.registered > row.registered).length;
      expect(row.rank).toBe(better + 1);
      expect(i + 1).toBeGreaterThanOrEqual(row.rank!);
    });
  });

  it("agrees with each province's own report", async () => {
    const tehran = (await generateReport(deps(), month, '07')) as MonthlyReport;
    const row = report.provinces.find((p) => p.provinceCode === '07')!;

    expect(tehran.offices).toHaveLength(row.offices);
    expect(tehran.province).toMatchObject({ registered: row.registered, previous: row.previous });
    expect(tehran.network.target).toEqual(row.target);
  });

  it('gives a CSV with one line per province after the header', () => {
    const lines = nationalCsv(report).trim().split(/\r?\n/);
    const header = lines.findIndex((line) => line.includes('کد استان (province code)'));

    expect(header).toBeGreaterThanOrEqual(0);
    expect(lines.slice(header + 1)).toHaveLength(31);
  });
});
