import { ValidationError } from '../domain/errors';
import { type Calendar, type MonthId, parseMonth } from '../domain/months';
import * as fieldTexts from '../i18n/field-messages';
import { fieldText } from '../i18n/field-text';

/** A `YYYY-MM` in the asked calendar, or a 400 naming the path field. */
export function requireMonth(calendar: Calendar, text: string): MonthId {
  const month = parseMonth(calendar, text);
  if (!month) {
    throw new ValidationError([
      {
        field: 'path.month',
        code: 'invalid_month',
        messages: fieldText(
          calendar === 'solar-hijri' ? fieldTexts.invalidSolarHijriMonth : fieldTexts.invalidGregorianMonth,
        ),
      },
    ]);
  }
  return month;
}
