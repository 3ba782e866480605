import type { NewCourt } from '../shared/domain/court';
import type { NewOffice } from '../shared/domain/office';

/**
 * DEMO DATA for the local runtime, after the 1398 (2019) South Khorasan report: 15 offices active,
 * the network growing to 22 by the end of Shahrivar 1398 (2019-09-22), with new offices in the
 * deprived districts Mud, Arianshahr, Zohan, Eresk and Dihuk. Codes, addresses and phone numbers
 * are invented; every seeded office is stored with `demo: true`.
 */
const PROVINCE = 'خراسان جنوبی';
const OPENED = '2018-03-01';
const TARGET_DATE = '2019-09-22';

interface Seed {
  code: string;
  district: string;
  county: string;
  bakhsh?: string;
  label: string;
  deprived?: boolean;
  planned?: boolean;
}

const SEEDS: Seed[] = [
  { code: '56101', district: 'بیرجند', county: 'بیرجند', label: 'بیرجند 1' },
  { code: '56102', district: 'بیرجند', county: 'بیرجند', label: 'بیرجند 2' },
  { code: '56103', district: 'بیرجند', county: 'بیرجند', label: 'بیرجند 3' },
  { code: '56104', district: 'بیرجند', county: 'بیرجند', label: 'بیرجند 4' },
  { code: '56111', district: 'قائن', county: 'قائنات', label: 'قائن 1' },
  { code: '56112', district: 'قائن', county: 'قائنات', label: 'قائن 2' },
  { code: '56121', district: 'فردوس', county: 'فردوس', label: 'فردوس' },
  { code: '56131', district: 'نهبندان', county: 'نهبندان', label: 'نهبندان' },
  { code: '56141', district: 'سربیشه', county: 'سربیشه', label: 'سربیشه' },
  { code: '56151', district: 'طبس', county: 'طبس', label: 'طبس' },
  { code: '56161', district: 'بشرویه', county: 'بشرویه', label: 'بشرویه' },
  { code: '56171', district: 'درمیان', county: 'درمیان', label: 'درمیان' },
  { code: '56181', district: 'خوسف', county: 'خوسف', label: 'خوسف' },
  { code: '56191', district: 'سرایان', county: 'سرایان', label: 'سرایان' },
  { code: '56195', district: 'زیرکوه', county: 'زیرکوه', label: 'زیرکوه' },
  // Planned: the five deprived districts named in the report, and two more to reach 22.
  { code: '56142', district: 'سربیشه', county: 'سربیشه', bakhsh: 'مود', label: 'مود', deprived: true, planned: true },
  {
    code: '56113',
    district: 'قائن',
    county: 'قائنات',
    bakhsh: 'آرین‌شهر',
    label: 'آرین‌شهر',
    deprived: true,
    planned: true,
  },
  { code: '56114', district: 'قائن', county: 'قائنات', bakhsh: 'زهان', label: 'زهان', deprived: true, planned: true },
  { code: '56162', district: 'بشرویه', county: 'بشرویه', bakhsh: 'ارسک', label: 'ارسک', deprived: true, planned: true },
  { code: '56152', district: 'طبس', county: 'طبس', bakhsh: 'دیهوک', label: 'دیهوک', deprived: true, planned: true },
  { code: '56105', district: 'بیرجند', county: 'بیرجند', label: 'بیرجند 5', planned: true },
  { code: '56122', district: 'فردوس', county: 'فردوس', label: 'فردوس 2', planned: true },
];

const SOUTH_KHORASAN: NewOffice[] = SEEDS.map((seed) => ({
  officeCode: seed.code,
  name: `دفتر خدمات الکترونیک قضایی ${seed.label} (نمونه)`,
  shortName: `دفتر ${seed.label}`,
  provinceCode: '29',
  judicialDistrict: seed.district,
  county: seed.county,
  ...(seed.bakhsh ? { bakhsh: seed.bakhsh } : {}),
  deprivedArea: seed.deprived ?? false,
  status: seed.planned ? 'planned' : 'active',
  statusSince: OPENED,
  ...(seed.planned ? { plannedOpeningBy: TARGET_DATE } : {}),
  contact: { phone: `0563${seed.code}00`, address: `${PROVINCE}، ${seed.county} (نشانی نمونه)` },
}));

/**
 * A few demo offices of two other provinces (Tehran and Yazd), so that a province administrator's
 * scope and the national report can be seen on a fresh machine. Codes and contacts invented.
 */
const OTHER_PROVINCES: NewOffice[] = [
  { code: '21101', provinceCode: '07', district: 'تهران', county: 'تهران', label: 'تهران 1' },
  { code: '21102', provinceCode: '07', district: 'تهران', county: 'تهران', label: 'تهران 2' },
  { code: '21111', provinceCode: '07', district: 'شمیرانات', county: 'شمیرانات', label: 'تجریش', planned: true },
  { code: '35101', provinceCode: '25', district: 'یزد', county: 'یزد', label: 'یزد 1' },
  { code: '35111', provinceCode: '25', district: 'بافق', county: 'بافق', label: 'بافق', deprived: true },
].map((seed) => ({
  officeCode: seed.code,
  name: `دفتر خدمات الکترونیک قضایی ${seed.label} (نمونه)`,
  shortName: `دفتر ${seed.label}`,
  provinceCode: seed.provinceCode as NewOffice['provinceCode'],
  judicialDistrict: seed.district,
  county: seed.county,
  deprivedArea: seed.deprived ?? false,
  status: seed.planned ? ('planned' as const) : ('active' as const),
  statusSince: OPENED,
  ...(seed.planned ? { plannedOpeningBy: TARGET_DATE } : {}),
  contact: { phone: `0${seed.code}0000`.slice(0, 11), address: `${seed.county} (نشانی نمونه)` },
}));

export const DEMO_OFFICES: NewOffice[] = [...SOUTH_KHORASAN, ...OTHER_PROVINCES];

/** South Khorasan's target in the report: 22 active offices by the end of Shahrivar 1398. */
export const DEMO_TARGET = { provinceCode: '29', target: { targetCount: 22, targetDate: TARGET_DATE } } as const;

/**
 * The demo courts: every demo district gets a peace court, a general civil court and a
 * prosecutor's office, and every demo province a court of appeal, so each demo office's petitions
 * route. Codes and names are invented (marked demo), not the real registry.
 */
export const DEMO_COURTS: NewCourt[] = (() => {
  const districts = [...new Map(DEMO_OFFICES.map((o) => [`${o.provinceCode}#${o.judicialDistrict}`, o])).values()];
  const courts: NewCourt[] = [];
  const perProvince = new Map<string, number>();
  for (const office of districts) {
    const n = (perProvince.get(office.provinceCode) ?? 0) + 1;
    perProvince.set(office.provinceCode, n);
    const prefix = `D${office.provinceCode}-${String(n).padStart(2, '0')}`;
    const district = office.judicialDistrict;
    const base = { provinceCode: office.provinceCode, judicialDistrict: district, status: 'active' as const };
    courts.push(
      { ...base, courtCode: `${prefix}-PEACE`, kind: 'peace', name: `دادگاه صلح ${district} (نمونه)` },
      { ...base, courtCode: `${prefix}-CIVIL`, kind: 'general-civil', name: `دادگاه عمومی حقوقی ${district} (نمونه)` },
      { ...base, courtCode: `${prefix}-PROS`, kind: 'prosecutor', name: `دادسرای عمومی و انقلاب ${district} (نمونه)` },
    );
    if (n === 1) {
      courts.push({
        ...base,
        courtCode: `D${office.provinceCode}-APPEAL`,
        kind: 'appeal',
        name: `دادگاه تجدیدنظر استان (نمونه، ${district})`,
      });
    }
  }
  return courts;
})();
