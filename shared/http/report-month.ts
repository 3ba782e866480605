import { ValidationError } from '../domain/errors';
import { type Calendar, type MonthId, parseMonth } from '../domain/months';

/** A `YYYY-MM` in the asked calendar, or a 400 naming the path field. */
export function requireMonth(calendar: Calendar, text: string): MonthId {
  const month = parseMonth(calendar, text);
  if (!month) {
    throw new ValidationError([
      {
        field: 'path.month',
        code: 'invalid_month',
        messages: {
          fa: `ماه ${calendar === 'solar-hijri' ? 'هجری شمسی' : 'میلادی'} معتبر نیست.`,
          en: `Not a valid ${calendar} month.`,
        },
      },
    ]);
  }
  return month;
}
