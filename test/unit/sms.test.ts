import fc from 'fast-check';
import { toPersianDigits } from '../../shared/domain/money';
import { NOTICE_TABLE, type NoticeParty } from '../../shared/domain/notice-recipients';
import {
  assertSendableSmsText,
  containsLink,
  earliestSendInstant,
  findLink,
  isQuietHour,
  maskMobile,
  OFFICE_SHORT_NAME_MAX,
  planSms,
  renderSms,
  SMS_MAX_PERSIAN_LENGTH,
  type SmsAudience,
  smsLength,
  smsLocalId,
  smsOfficeLabel,
  smsSegments,
  UnsafeSmsTextError,
} from '../../shared/domain/sms';
import { parseDay } from '../../shared/domain/solar-hijri-days';
import { PETITION_EVENT_TYPES, type PetitionEvent, type PetitionEventType } from '../../shared/events/petition-events';
import { formatRials, formatSolarDay, SMS_TEMPLATES } from '../../shared/i18n/sms-texts';
import {
  allSampleEvents,
  CASE_NUMBER_LONGEST,
  LONGEST_DAY,
  sampleEvent,
  TRACKING_CODE,
} from '../support/petition-events';

/** Thirty characters, the registry's most for a short name. */
const LONGEST_OFFICE = 'دفتر خدمات قضایی شهرستان بیرجن';
const tehran = (local: string) => new Date(`${local}+03:30`);

describe('segment counting', () => {
  it.each([
    ['70 Persian characters fit one part', 'ب'.repeat(70), 1],
    ['71 Persian characters take two parts', 'ب'.repeat(71), 2],
    ['134 Persian characters fit two parts of 67', 'ب'.repeat(134), 2],
    ['135 Persian characters take three parts', 'ب'.repeat(135), 3],
    ['160 GSM-7 characters fit one part', 'a'.repeat(160), 1],
    ['161 GSM-7 characters take two parts', 'a'.repeat(161), 2],
    ['306 GSM-7 characters fit two parts of 153', 'a'.repeat(306), 2],
    ['307 GSM-7 characters take three parts', 'a'.repeat(307), 3],
  ])('%s', (_, text, segments) => {
    expect(smsSegments(text)).toBe(segments);
  });

  it('counts a Persian text in UTF-16 code units, the zero-width non-joiner included', () => {
    const length = smsLength('می‌شود');

    expect(length).toEqual({ encoding: 'UCS-2', units: 6, segments: 1 });
  });

  it('switches a Latin text to UCS-2 as soon as one Persian letter appears', () => {
    expect(smsLength('a'.repeat(100) + 'ب')).toMatchObject({ encoding: 'UCS-2', units: 101, segments: 2 });
  });

  it('counts a GSM-7 extension character as two septets', () => {
    expect(smsLength('{'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsLength('{'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it('never splits an escaped GSM-7 character between two parts', () => {
    // 152 septets, then "€" (2 septets) would straddle the first part's 153rd septet: it moves on.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(152);

    expect(smsLength(text)).toMatchObject({ units: 306, segments: 3 });
  });

  it('never splits a surrogate pair between two parts', () => {
    // 66 units, then an emoji of 2 code units that would straddle the 67-unit boundary.
    const text = 'ب'.repeat(66) + '😀' + 'ب'.repeat(66);

    expect(smsLength(text)).toMatchObject({ encoding: 'UCS-2', units: 134, segments: 3 });
  });
});

describe('the link detector', () => {
  it.each([
    'https://sana.adliran.ir',
    'http://x',
    'برای ابلاغیه به adliran.ir بروید',
    'ورود: sana . ir',
    'bit[.]ly/abc',
    'goo dot gl',
    'www',
    'سامانه عدل.ایران',
    'WWW.EXAMPLE.COM',
    'آدرس ۱۹۲.۱۶۸.۱.۱',
    'کانال @adliran_news',
    'ftp server',
    'ثنا．ir',
  ])('finds a link in %j', (text) => {
    expect(containsLink(text)).toBe(true);
  });

  it.each([
    'دادخواست ۹۸۷۶۵۴۳۲۱۰۹۸ در مرجع قضایی ثبت شد.',
    'مهلت تا پایان ۲۹ اردیبهشت ۱۴۰۴',
    'پرداخت ۱۲٬۵۰۰٬۰۰۰ ریال تأیید شد.',
    'شماره پرونده: ۱۴۰۴۹۸۷۶۵۴۳۲۱۰۹۸۷۶۵۴',
  ])('finds no link in the ordinary notice text %j', (text) => {
    expect(findLink(text)).toBeUndefined();
  });

  it('refuses to send a text with a link, whoever produced it', () => {
    expect(() => assertSendableSmsText('دفتر ۱۲\nپیگیری در sana.adliran.ir')).toThrow(new UnsafeSmsTextError('link'));
  });

  it('refuses a text over two parts', () => {
    expect(() => assertSendableSmsText('ب'.repeat(SMS_MAX_PERSIAN_LENGTH + 1))).toThrow(
      new UnsafeSmsTextError('too-long'),
    );
  });
});

describe('templates', () => {
  const parties = {
    names: ['علی', 'رضایی', 'حسن', 'مریم', 'احمدی', 'شرکت نمونه'],
    nationalIds: ['0499370899', '0067749828', '10101234567'],
    mobiles: ['09121234567', '09357654321'],
  };
  const secrets = [...parties.nationalIds, ...parties.mobiles].flatMap((value) => [value, toPersianDigits(value)]);

  /** Every (event, audience) the notice table gives an SMS to, registered where a defendant is told. */
  type Case = [string, PetitionEvent, SmsAudience];
  const toClaimant = (event: PetitionEvent): Case => {
    const draft = event.trackingCode ? '' : ' (draft)';
    return [`${event.type} to the claimant${draft}`, event, 'claimant'];
  };
  const toDefendant = (type: PetitionEventType): Case => [
    `${type} to the defendant`,
    sampleEvent(type, { caseNumber: CASE_NUMBER_LONGEST }),
    'defendant',
  ];
  const cases: Case[] = [
    ...allSampleEvents()
      .filter((event) => NOTICE_TABLE[event.type].claimant.includes('sms'))
      .map(toClaimant),
    ...PETITION_EVENT_TYPES.filter((type) => NOTICE_TABLE[type].defendant.includes('sms')).map(toDefendant),
  ];

  it('the longest office short name is exactly the registry limit, and the longest date is the one the samples use', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const candidates = Array.from(
      { length: 12 * 31 },
      (_, i) => `1404-${two(Math.floor(i / 31) + 1)}-${two((i % 31) + 1)}`,
    );
    const realDays = candidates.filter((day) => parseDay(day) !== undefined);
    const longest = Math.max(...realDays.map((day) => formatSolarDay(day).length));

    expect(LONGEST_OFFICE.length).toBe(OFFICE_SHORT_NAME_MAX);
    expect(formatSolarDay(LONGEST_DAY).length).toBe(longest);
  });

  it.each(cases)('%s fits two UCS-2 parts (134 units) with the longest values', (_, event, audience) => {
    const text = renderSms(event, { officeShortName: LONGEST_OFFICE, audience });

    expect(text.length).toBeLessThanOrEqual(SMS_MAX_PERSIAN_LENGTH);
    expect(smsSegments(text)).toBeLessThanOrEqual(2);
  });

  it.each(cases)('%s carries the office short name and no link', (_, event, audience) => {
    const text = renderSms(event, { officeShortName: LONGEST_OFFICE, audience });

    expect(text.startsWith(`${LONGEST_OFFICE}\n`)).toBe(true);
    expect(findLink(text)).toBeUndefined();
  });

  it.each(cases)('%s carries no party’s name, national ID or mobile', (_, event, audience) => {
    const text = renderSms(event, { officeShortName: LONGEST_OFFICE, audience });

    for (const secret of [...secrets, ...parties.names]) expect(text).not.toContain(secret);
  });

  const withCode = cases.filter(([, event]) => event.trackingCode);

  it.each(withCode)('%s carries the tracking code in Persian digits', (_, event, audience) => {
    expect(renderSms(event, { officeShortName: LONGEST_OFFICE, audience })).toContain(toPersianDigits(TRACKING_CODE));
  });

  it('a return says how many defects and until when they can be cured', () => {
    const text = renderSms(sampleEvent('returned'), { officeShortName: 'دفتر ۱۰۱ بیرجند', audience: 'claimant' });

    const code = toPersianDigits(TRACKING_CODE);
    expect(text).toBe(
      `دفتر ۱۰۱ بیرجند\nاخطار رفع نقص دادخواست ${code} (۶ مورد) ابلاغ الکترونیک شد. مهلت تا پایان ۲۹ اردیبهشت ۱۴۰۴`,
    );
  });

  it('a rejection order gives the last day to object', () => {
    const text = renderSms(sampleEvent('rejected'), { officeShortName: 'دفتر ۱۰۱', audience: 'claimant' });

    expect(text).toContain('مهلت اعتراض تا پایان ۲۹ اردیبهشت ۱۴۰۴');
  });

  it('has a defendant template exactly where the table gives a civil defendant an SMS', () => {
    const withTemplate = PETITION_EVENT_TYPES.filter((type) => SMS_TEMPLATES[type].defendant !== undefined);

    expect(withTemplate).toEqual(PETITION_EVENT_TYPES.filter((type) => NOTICE_TABLE[type].defendant.includes('sms')));
  });

  it('has a claimant template exactly where the table gives the claimant an SMS', () => {
    const withTemplate = PETITION_EVENT_TYPES.filter((type) => SMS_TEMPLATES[type].claimant !== undefined);
    const told = PETITION_EVENT_TYPES.filter((type) => NOTICE_TABLE[type].claimant.includes('sms'));

    expect(withTemplate).toEqual(told);
    expect(PETITION_EVENT_TYPES.filter((type) => !told.includes(type))).toEqual(['document-removed']);
  });

  it('refuses to tell a defendant of a case that is not registered', () => {
    expect(() => renderSms(sampleEvent('withdrawn'), { officeShortName: 'دفتر ۱۰۱', audience: 'defendant' })).toThrow();
  });

  it.each([
    ['a link', 'دفتر adliran.ir', 'link'],
    ['31 characters', 'د'.repeat(31), 'too-long'],
    ['nothing', '  ', 'empty'],
  ] as const)('refuses an office short name of %s', (_, officeShortName, reason) => {
    const render = () => renderSms(sampleEvent('submitted'), { officeShortName, audience: 'claimant' });

    expect(render).toThrow(new UnsafeSmsTextError(reason));
  });
});

describe('values as a Persian reader expects them', () => {
  it('writes a Solar Hijri day with its month name and Persian digits', () => {
    expect(formatSolarDay('1404-07-02')).toBe('۲ مهر ۱۴۰۴');
  });

  it('groups rials with the Persian thousands separator', () => {
    expect(formatRials('12500000')).toBe('۱۲٬۵۰۰٬۰۰۰');
  });

  it('names an office without a short name by its code, as items stored before the field read', () => {
    expect(smsOfficeLabel({ officeCode: '56101' })).toBe('دفتر ۵۶۱۰۱');
    expect(smsOfficeLabel({ officeCode: '56101', shortName: 'دفتر بیرجند ۱' })).toBe('دفتر بیرجند ۱');
  });

  it('masks a mobile to its first four and last four digits', () => {
    expect(maskMobile('09121234567')).toBe('09*****4567');
    expect(maskMobile('not a number')).toBe('***');
  });
});

describe('quiet hours, Tehran time', () => {
  it.each([
    ['21:59 sends at once', '2026-11-28T21:59:00', '2026-11-28T21:59:00'],
    ['22:00 waits for 07:00 the next morning', '2026-11-28T22:00:00', '2026-11-29T07:00:00'],
    ['23:30 waits across midnight', '2026-11-28T23:30:00', '2026-11-29T07:00:00'],
    ['00:10 waits for 07:00 the same morning', '2026-11-29T00:10:00', '2026-11-29T07:00:00'],
    ['06:59 waits one minute', '2026-11-29T06:59:00', '2026-11-29T07:00:00'],
    ['07:00 sends at once', '2026-11-29T07:00:00', '2026-11-29T07:00:00'],
    ['the last night of Esfand waits for Nowruz morning', '2026-03-20T23:00:00', '2026-03-21T07:00:00'],
  ])('%s', (_, due, expected) => {
    expect(earliestSendInstant(tehran(due)).toISOString()).toBe(tehran(expected).toISOString());
  });

  it('uses the summer offset of the daylight-saving years: 22:00 on 1 June 2019 (+04:30) waits for 07:00 (+04:30)', () => {
    const due = new Date('2019-06-01T17:30:00Z'); // 22:00 in Tehran

    expect(isQuietHour(due)).toBe(true);
    expect(earliestSendInstant(due).toISOString()).toBe('2019-06-02T02:30:00.000Z');
  });

  it('waits the right span across the night daylight saving began (22 March 2019, 00:00 became 01:00)', () => {
    const due = new Date('2019-03-21T19:00:00Z'); // 22:30 at +03:30

    expect(earliestSendInstant(due).toISOString()).toBe('2019-03-22T02:30:00.000Z'); // 07:00 at +04:30
  });

  it('waits the right span across the night daylight saving ended (22 September 2019)', () => {
    const due = new Date('2019-09-21T19:00:00Z'); // 23:30 at +04:30

    expect(earliestSendInstant(due).toISOString()).toBe('2019-09-22T03:30:00.000Z'); // 07:00 at +03:30
  });

  it('delays and never drops: the answer is never earlier, never quiet, and at most ten hours on', () => {
    const instants = fc.date({
      min: new Date('2015-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    });

    fc.assert(
      fc.property(instants, (due) => {
        const at = earliestSendInstant(due);
        expect(at.getTime()).toBeGreaterThanOrEqual(due.getTime());
        expect(isQuietHour(at)).toBe(false);
        // Nine hours of wall clock (22:00 to 07:00), ten on the night daylight saving ended (until 2022).
        expect(at.getTime() - due.getTime()).toBeLessThanOrEqual(10 * 3600_000);
        if (!isQuietHour(due)) expect(at).toEqual(due);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('planning the SMS of an event', () => {
  const claimant: NoticeParty = { role: 'claimant', type: 'person', hasMobile: true };
  const defendant: NoticeParty = { role: 'defendant', type: 'person', hasMobile: true };

  it('gives one SMS per recipient with a mobile, each with its own stable local id', () => {
    const event = sampleEvent('registered');

    const first = planSms(event, [claimant, defendant], 'دفتر ۱۰۱', tehran('2025-10-04T10:00:00'));
    const again = planSms(event, [claimant, defendant], 'دفتر ۱۰۱', tehran('2025-10-04T10:05:00'));

    expect(first.map((s) => [s.partyIndex, s.audience])).toEqual([
      [0, 'claimant'],
      [1, 'defendant'],
    ]);
    expect(first.map((s) => s.localId)).toEqual(again.map((s) => s.localId));
    expect(new Set(first.map((s) => s.localId)).size).toBe(2);
  });

  it('holds an SMS handled at night until 07:00 Tehran time', () => {
    const [sms] = planSms(sampleEvent('dispatched'), [claimant], 'دفتر ۱۰۱', tehran('2025-10-04T23:15:00'));

    expect(sms?.sendAt.toISOString()).toBe(tehran('2025-10-05T07:00:00').toISOString());
  });

  it('derives an 18-digit local id from the event and the party', () => {
    expect(smsLocalId(sampleEvent('submitted').eventId, 0)).toMatch(/^\d{18}$/);
    expect(smsLocalId(sampleEvent('submitted').eventId, 0)).not.toBe(smsLocalId(sampleEvent('submitted').eventId, 1));
  });
});
