import { normaliseInput, normaliseText } from '../../shared/domain/normalise';
import { parseGroups } from '../../shared/http/authorize';
import { pickLanguage } from '../../shared/i18n/messages';

describe('input normalisation', () => {
  it('turns Persian and Arabic-Indic digits into ASCII digits', () => {
    expect(normaliseText('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normaliseText('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('turns Arabic yeh and kaf into Persian ی and ک, and trims', () => {
    expect(normaliseText('  علي كريمي ')).toBe('علی کریمی');
  });

  it('normalises every string of a nested body and leaves other values alone', () => {
    expect(normaliseInput({ a: [' ۱ ', { b: 'ك' }], n: 5, t: true, z: null })).toEqual({
      a: ['1', { b: 'ک' }],
      n: 5,
      t: true,
      z: null,
    });
  });

  it('keeps a __proto__ key as a field of the copy instead of setting its prototype', () => {
    // Prepare: as JSON.parse gives it, an ordinary field named __proto__
    const parsed = JSON.parse('{"__proto__":{"subject":"ك"}}');

    // Act
    const copy = normaliseInput(parsed) as object;

    // Assess
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.entries(copy)).toEqual([['__proto__', { subject: 'ک' }]]);
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'fa'],
    ['en', 'en'],
    ['en-GB,en;q=0.8', 'en'],
    ['fa-IR,en;q=0.5', 'fa'],
    ['de, en;q=0.3, fa;q=0.9', 'fa'],
    ['de', 'fa'],
  ])('%p gives %s', (header, language) => {
    expect(pickLanguage(header)).toBe(language);
  });
});

describe('cognito:groups claim', () => {
  it('reads the flattened string API Gateway passes, a JSON array string, or an array', () => {
    expect(parseGroups('[clerk manager]')).toEqual(['clerk', 'manager']);
    expect(parseGroups('["court"]')).toEqual(['court']);
    expect(parseGroups(['province-admin'])).toEqual(['province-admin']);
  });

  it('drops groups that are not roles', () => {
    expect(parseGroups('[admins clerk]')).toEqual(['clerk']);
    expect(parseGroups(undefined)).toEqual([]);
  });
});
