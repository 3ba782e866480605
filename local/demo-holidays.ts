import type { LocalizedName, LunarHoliday, LunarHolidayCalendar } from '../shared/domain/holidays';
import { dayFromNumber, dayNumber, formatDay, tehranDayOf } from '../shared/domain/solar-hijri-days';

/**
 * DEMO DATA: lunar holiday calendars computed from ICU's Umm al-Qura Islamic calendar. Iran's
 * official dates come from moon sighting (the calendar published each year by the Calendar Centre
 * of the University of Tehran's Institute of Geophysics) and can differ by a day or so, so every
 * calendar here is marked `demo: true`. Computed for the current and the next Solar Hijri year of a
 * given instant, so the local runtime stays right in the years to come.
 */
const SOURCE =
  "DEMO: computed from ICU's tabular Umm al-Qura Islamic calendar, not Iran's official calendar; " +
  'dates may differ by a day from the official ones.';

interface Occasion {
  /** Islamic month 1-12 and day; `'last'` is the last day of the month, 29 or 30. */
  month: number;
  day: number | 'last';
  name: LocalizedName;
}

const OCCASIONS: readonly Occasion[] = [
  { month: 1, day: 9, name: { fa: 'تاسوعای حسینی', en: 'Tasua' } },
  { month: 1, day: 10, name: { fa: 'عاشورای حسینی', en: 'Ashura' } },
  { month: 2, day: 20, name: { fa: 'اربعین حسینی', en: 'Arbaeen' } },
  {
    month: 2,
    day: 28,
    name: {
      fa: 'رحلت حضرت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)',
      en: 'Death of the Prophet and martyrdom of Imam Hasan',
    },
  },
  { month: 2, day: 'last', name: { fa: 'شهادت امام رضا (ع)', en: 'Martyrdom of Imam Reza' } },
  { month: 3, day: 8, name: { fa: 'شهادت امام حسن عسکری (ع)', en: 'Martyrdom of Imam Hasan al-Askari' } },
  {
    month: 3,
    day: 17,
    name: { fa: 'میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)', en: 'Birth of the Prophet and Imam Jafar al-Sadiq' },
  },
  { month: 6, day: 3, name: { fa: 'شهادت حضرت فاطمه زهرا (س)', en: 'Martyrdom of Fatimah al-Zahra' } },
  { month: 7, day: 13, name: { fa: 'ولادت امام علی (ع)', en: 'Birth of Imam Ali' } },
  { month: 7, day: 27, name: { fa: 'مبعث حضرت رسول اکرم (ص)', en: "Mab'ath (the Prophet's first revelation)" } },
  { month: 8, day: 15, name: { fa: 'ولادت حضرت قائم (عج)', en: 'Birth of Imam Mahdi' } },
  { month: 9, day: 21, name: { fa: 'شهادت امام علی (ع)', en: 'Martyrdom of Imam Ali' } },
  { month: 10, day: 1, name: { fa: 'عید سعید فطر', en: 'Eid al-Fitr' } },
  { month: 10, day: 2, name: { fa: 'تعطیل به مناسبت عید سعید فطر', en: 'Eid al-Fitr holiday' } },
  { month: 10, day: 25, name: { fa: 'شهادت امام جعفر صادق (ع)', en: 'Martyrdom of Imam Jafar al-Sadiq' } },
  { month: 12, day: 10, name: { fa: 'عید سعید قربان', en: 'Eid al-Adha' } },
  { month: 12, day: 18, name: { fa: 'عید سعید غدیر خم', en: 'Eid al-Ghadir' } },
];

const islamicMonthDay = (calendar: string) =>
  new Intl.DateTimeFormat(`en-US-u-ca-${calendar}-nu-latn`, { timeZone: 'UTC', month: 'numeric', day: 'numeric' });

// A runtime built with reduced ICU data may lack Umm al-Qura; the civil tabular calendar is close.
const islamicFormat =
  islamicMonthDay('islamic-umalqura').resolvedOptions().calendar === 'islamic-umalqura'
    ? islamicMonthDay('islamic-umalqura')
    : islamicMonthDay('islamic-civil');

function islamicDate(dayNo: number): { month: number; day: number } {
  const values: Record<string, number> = {};
  for (const part of islamicFormat.formatToParts(new Date(dayNo * 86_400_000 + 43_200_000))) {
    if (part.type === 'month' || part.type === 'day') values[part.type] = Number(part.value);
  }
  return { month: values.month!, day: values.day! };
}

function occasionsOn(dayNo: number): Occasion[] {
  const today = islamicDate(dayNo);
  const isLastOfMonth = islamicDate(dayNo + 1).month !== today.month;
  return OCCASIONS.filter(
    (occasion) =>
      occasion.month === today.month && (occasion.day === today.day || (occasion.day === 'last' && isLastOfMonth)),
  );
}

/** The demo lunar holidays of one Solar Hijri year. */
export function demoLunarCalendar(year: number): LunarHolidayCalendar {
  const first = dayNumber({ year, month: 1, day: 1 });
  const next = dayNumber({ year: year + 1, month: 1, day: 1 });
  const holidays: LunarHoliday[] = [];
  for (let dayNo = first; dayNo < next; dayNo += 1) {
    const occasions = occasionsOn(dayNo);
    if (occasions.length === 0) continue;
    // Two occasions cannot share a day within a year, but a list keeps the data honest if they did.
    holidays.push({
      date: formatDay(dayFromNumber(dayNo)),
      name: {
        fa: occasions.map((occasion) => occasion.name.fa).join(' و '),
        en: occasions.map((occasion) => occasion.name.en).join('; '),
      },
    });
  }
  return { year, holidays, source: SOURCE, demo: true };
}

/** Demo calendars for the Solar Hijri year of `now` (Tehran time) and the next one. */
export function demoLunarCalendars(now: Date): LunarHolidayCalendar[] {
  const { year } = tehranDayOf(now);
  return [demoLunarCalendar(year), demoLunarCalendar(year + 1)];
}
