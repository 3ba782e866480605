import { createHash } from 'node:crypto';
import type { PetitionEvent, PetitionEventType } from '../events/petition-events';
import { officeFallbackLabel, SMS_TEMPLATES, type SmsAudience, type SmsTemplate } from '../i18n/sms-texts';
import { lazily } from './lazily';
import { toPersianDigits } from './money';
import { type NoticeParty, noticeRecipients } from './notice-recipients';
import { fixedOffsetWallClock, IRAN_TIME_ZONE, type WallClock } from './solar-hijri';

/**
 * SMS notices in Persian: templates, the length budget, the link ban and quiet hours.
 *
 * Genuine judiciary notices carry no links: SMS that imitate the electronic-notice system (SANA)
 * with a link are a known phishing plague, so a citizen must be able to rely on "a link means
 * fraud". Every text is checked for anything that reads as a link before it goes out.
 */

// ---------------------------------------------------------------------------------------------
// Length: segments of a concatenated SMS

/**
 * One SMS carries 140 bytes. GSM-7 packs 160 characters into it (153 a part once a 6-byte
 * concatenation header is needed); UCS-2 (any Persian text) 70 UTF-16 code units, 67 a part.
 * The budget for a notice is two parts: cost and the chance of a part going astray both grow with
 * each part, and 134 UCS-2 units say all a notice needs.
 */
export const SMS_LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;
export const SMS_MAX_SEGMENTS = 2;
/** Two UCS-2 parts: the longest Persian notice. */
export const SMS_MAX_PERSIAN_LENGTH = 2 * SMS_LIMITS['UCS-2'].part;

export type SmsEncoding = keyof typeof SMS_LIMITS;

/** GSM 03.38 default alphabet (one septet each) and its extension table (escape + one septet). */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!GSM7_BASIC.has(char) && !GSM7_EXTENSION.has(char)) return 'UCS-2';
  return 'GSM-7';
}

/**
 * How many parts a text is sent in. Parts are filled greedily as phones do: an escaped GSM-7
 * character and a UTF-16 surrogate pair are never split between two parts, so one of them at a
 * boundary pushes into the next part.
 */
export function smsLength(text: string): SmsLength {
  const encoding = smsEncoding(text);
  // Each character's size in the encoding's units; Array.from walks code points, so a surrogate pair is one entry of 2.
  const sizes = Array.from(text, (char) => (encoding === 'GSM-7' ? (GSM7_EXTENSION.has(char) ? 2 : 1) : char.length));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const { single, part } = SMS_LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments };
}

export const smsSegments = (text: string): number => smsLength(text).segments;

// ---------------------------------------------------------------------------------------------
// Links

const PERSIAN_OR_ARABIC_DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/g;
const asciiDigits = (text: string) =>
  text.replace(PERSIAN_OR_ARABIC_DIGIT, (d) => String(d.charCodeAt(0) - (d >= '\u06F0' ? 0x06f0 : 0x0660)));

/** A dot as phishers write it: plain, Arabic decimal separator, ideographic, or spelled out. */
const DOT = String.raw`(?:\.|\u066B|\u3002|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\sdot\s)`;

const LINK_PATTERNS: readonly RegExp[] = [
  /[a-z][a-z0-9+.-]*:\/\//u, // any scheme://
  /(?:^|[^a-z0-9])(?:https?|ftp|www)(?![a-z0-9])/u, // scheme or www written without the rest
  new RegExp(String.raw`[\p{L}\p{N}]\s*${DOT}\s*[a-z]{2,63}(?![a-z0-9])`, 'u'), // label.tld, ASCII top-level domain
  new RegExp(String.raw`[\p{L}\p{N}]\s*${DOT}\s*(?:ایران|ايران)`, 'u'), // the Persian-script top-level domain
  /(?:^|[^0-9])\d{1,3}(?:\s*\.\s*\d{1,3}){3}(?![0-9])/u, // an IPv4 address
  /(?:^|[^\p{L}\p{N}])@[a-z0-9_]{3,}/u, // a messenger handle
];

/**
 * The part of a text that reads as a link, or undefined. Deliberately eager: a notice never needs
 * Latin words, so a false alarm costs nothing but a refused template value, while a missed link
 * would teach citizens that links in judicial SMS are normal.
 */
export function findLink(text: string): string | undefined {
  const folded = asciiDigits(text.normalize('NFKC').toLowerCase());
  for (const pattern of LINK_PATTERNS) {
    const match = pattern.exec(folded);
    if (match) return match[0].trim();
  }
  return undefined;
}

export const containsLink = (text: string): boolean => findLink(text) !== undefined;

export class UnsafeSmsTextError extends Error {
  constructor(readonly reason: 'link' | 'too-long' | 'control-character' | 'empty') {
    super(`SMS text refused: ${reason}`);
    this.name = 'UnsafeSmsTextError';
  }
}

/** Control characters other than the line break: invisible on a phone, and a way to hide text. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a) || code === 0x7f) return true;
  }
  return false;
}

/** The last check before any provider sees a text: adapters call it, whatever produced the text. */
export function assertSendableSmsText(text: string): void {
  if (text.trim().length === 0) throw new UnsafeSmsTextError('empty');
  if (hasControlCharacter(text)) throw new UnsafeSmsTextError('control-character');
  if (containsLink(text)) throw new UnsafeSmsTextError('link');
  if (smsSegments(text) > SMS_MAX_SEGMENTS) throw new UnsafeSmsTextError('too-long');
}

/** The office's short name is a registry field (issue 15); offices stored before it have none. */
export const OFFICE_SHORT_NAME_MAX = 30;

export function smsOfficeLabel(office: { shortName?: string; officeCode: string }): string {
  const shortName = office.shortName?.trim();
  return toPersianDigits(shortName ? shortName : officeFallbackLabel(office.officeCode));
}

/**
 * `09121234567` → `09*****4567`: enough to tell a petition's parties apart in a log, not enough to
 * call. The operator's prefix stays hidden too: shown, it left a thousand numbers to try.
 */
export function maskMobile(mobile: string): string {
  return /^09\d{9}$/.test(mobile) ? `09*****${mobile.slice(7)}` : '***';
}

// ---------------------------------------------------------------------------------------------
// Templates: one per event and audience, in shared/i18n/sms-texts.ts with the rest of the text for people

export type { SmsAudience } from '../i18n/sms-texts';

export interface SmsContext {
  /** From `smsOfficeLabel`: the registry's short name, at most 30 characters. */
  officeShortName: string;
  audience: SmsAudience;
}

/**
 * The Persian text of an event's SMS for one audience. It carries only the office's short name,
 * the tracking code, the case number (once registered) and what happened, with the deadline where
 * one runs: never a party's name, national ID or number, nor a link.
 */
export function renderSms(event: PetitionEvent, context: SmsContext): string {
  const templates = SMS_TEMPLATES[event.type] as Record<SmsAudience, SmsTemplate<PetitionEventType> | undefined>;
  const template = templates[context.audience];
  if (!template) throw new Error(`no ${context.audience} SMS for ${event.type}`);
  if (context.audience === 'defendant' && !event.caseNumber) {
    throw new Error('a defendant is told only of a registered case');
  }
  const office = context.officeShortName.trim();
  if (office.length === 0) throw new UnsafeSmsTextError('empty');
  if (office.length > OFFICE_SHORT_NAME_MAX) throw new UnsafeSmsTextError('too-long');
  if (containsLink(office)) throw new UnsafeSmsTextError('link');
  const text = template(event, {
    office,
    ...(event.trackingCode ? { code: toPersianDigits(event.trackingCode) } : {}),
    ...(event.caseNumber ? { caseNumber: toPersianDigits(event.caseNumber) } : {}),
  });
  assertSendableSmsText(text);
  return text;
}

/**
 * The provider's local message id for one recipient of one event: the same on every retry, so the
 * provider can refuse a second copy (exactly once per recipient, issue 15). Eighteen decimal
 * digits: fits a provider that stores it as a string or as a signed 64-bit integer, and a clash
 * among a million messages has odds of about one in two million.
 */
export function smsLocalId(eventId: string, partyIndex: number): string {
  const digest = createHash('sha256').update(`${eventId}#${partyIndex}#sms`).digest();
  return (digest.readBigUInt64BE(0) % 10n ** 18n).toString().padStart(18, '0');
}

// ---------------------------------------------------------------------------------------------
// Quiet hours

/** No SMS from 22:00 until 07:00, Tehran wall clock: a notice due then waits for the morning, it is never dropped. */
export const QUIET_HOURS = { from: 22, until: 7 } as const;

const tehranWallClock = lazily(
  () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: IRAN_TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
);

function wallClockOf(instant: Date): WallClock {
  const fixed = fixedOffsetWallClock(instant);
  if (fixed) return fixed;
  const values: Record<string, number> = {};
  for (const part of tehranWallClock().formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const at = (key: string) => values[key] ?? Number.NaN;
  return {
    year: at('year'),
    month: at('month'),
    day: at('day'),
    hour: at('hour'),
    minute: at('minute'),
    second: at('second'),
  };
}

/** Tehran's offset from UTC at an instant, from the tz database: +3:30, or +4:30 in summers before 2022. */
function tehranOffsetMs(epochMs: number): number {
  const w = wallClockOf(new Date(epochMs));
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a Tehran wall-clock time names (day overflow allowed: day 32 is the next month's
 * first). Twice round, because the offset at the first guess may differ across a daylight-saving
 * change; 07:00 never falls in Tehran's skipped or repeated hour, which were at midnight.
 */
function tehranInstant(year: number, month: number, day: number, hour: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  let epoch = wall - tehranOffsetMs(wall);
  epoch = wall - tehranOffsetMs(epoch);
  return new Date(epoch);
}

export function isQuietHour(instant: Date): boolean {
  const { hour } = wallClockOf(instant);
  return hour >= QUIET_HOURS.from || hour < QUIET_HOURS.until;
}

/** The instant itself when an SMS may go out then; otherwise the next 07:00 in Tehran. */
export function earliestSendInstant(instant: Date): Date {
  if (!isQuietHour(instant)) return instant;
  const w = wallClockOf(instant);
  const day = w.hour >= QUIET_HOURS.from ? w.day + 1 : w.day;
  return tehranInstant(w.year, w.month, day, QUIET_HOURS.until);
}

// ---------------------------------------------------------------------------------------------
// From an event to the SMS to send

export interface PlannedSms {
  partyIndex: number;
  audience: SmsAudience;
  /** The provider's local id: deduplicates retries of the same notice. */
  localId: string;
  text: string;
  /** Not before this instant (quiet hours). */
  sendAt: Date;
}

/**
 * The SMS one event gives, one per recipient with a mobile, ready for the port once the sender has
 * looked up each party's number by `partyIndex`. `now` is when the consumer handles the event.
 */
export function planSms(
  event: PetitionEvent,
  parties: readonly NoticeParty[],
  officeShortName: string,
  now: Date,
): PlannedSms[] {
  const sendAt = earliestSendInstant(now);
  return noticeRecipients(event, parties)
    .filter((recipient) => recipient.channels.includes('sms'))
    .map((recipient) => ({
      partyIndex: recipient.partyIndex,
      audience: recipient.audience,
      localId: smsLocalId(event.eventId, recipient.partyIndex),
      text: renderSms(event, { officeShortName, audience: recipient.audience }),
      sendAt,
    }));
}
