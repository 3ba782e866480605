import * as z from 'zod/mini';
import { CALENDARS } from '../domain/months';
import { PROVINCE_CODES } from '../domain/provinces';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessage } from '../i18n/field-text';
import { described, lazySchema } from './lazy';

/**
 * Persian letters (with ZWNJ), spaces, ASCII digits (after normalisation) and light punctuation,
 * with at least one Persian letter. One expression, because the OpenAPI document publishes it as
 * the field's `pattern`: a rule checked beside it (the letter was once a refine) is one the
 * contract does not say, and clients would send what the server refuses. Neither end is a space,
 * ZWNJ or Arabic letter mark: the server trims those before the check (normaliseText), so here it
 * changes nothing, and in the contract a value with them counted toward minLength is not accepted
 * when the trimmed value is too short (test/unit/openapi.test.ts holds the two to each other).
 */
const PERSIAN_TEXT =
  /^(?![ \u061C\u200C])(?!.*[ \u061C\u200C]$)(?=.*[\u0620-\u064A\u067E-\u06D3])[\u0600-\u06FF\u200C 0-9()\-.،/]+$/;

export const persianText = (min: number, max: number) =>
  z
    .string()
    .check(
      z.minLength(min),
      z.maxLength(max),
      z.regex(PERSIAN_TEXT, { message: fieldMessage(fieldTexts.persianText) }),
    );

/** The calendars a month can be given in (shared/domain/months.ts). */
export const calendarSchema = /* @__PURE__ */ lazySchema(() => z.enum(CALENDARS));

/** An office's code: 4 to 10 digits (after normalisation, so Persian digits count). */
export const OFFICE_CODE_PATTERN = /^\d{4,10}$/;
export const officeCodeSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.regex(OFFICE_CODE_PATTERN, { message: fieldMessage(fieldTexts.officeCode) })),
);

/** A court's code: upper-case Latin letters, digits and hyphens, 2 to 20 (as `custom:courtCode` allows). */
export const COURT_CODE_PATTERN = /^[0-9A-Z][0-9A-Z-]{1,19}$/;
export const courtCodeSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.regex(COURT_CODE_PATTERN, { message: fieldMessage(fieldTexts.courtCode) })),
);

/** A province by its code (shared/domain/provinces.ts). */
export const provinceCodeSchema = /* @__PURE__ */ lazySchema(() =>
  z.enum(PROVINCE_CODES, { error: fieldMessage(fieldTexts.provinceCode) }),
);

/**
 * A Gregorian date. Its year is held to 1900–2199: the Solar Hijri dates the API takes elsewhere
 * (holidays, months) share the YYYY-MM-DD shape, and `1406-01-01` meant as Nowruz 1406 would
 * otherwise pass as a valid day of the year 1406 AD. One expression, days per month and leap years
 * included (zod's own ISO date rule), because the OpenAPI document publishes it as the pattern: a
 * calendar check beside it (once a refine) let the contract promise 2019-02-30.
 */
const LEAP_DAY = '(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29';
const MONTH_DAY =
  '(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])';

export const isoDate = /* @__PURE__ */ lazySchema(() =>
  z.string().check(
    z.regex(new RegExp(`^(?=(?:19|2[01])\\d{2}-)(?:${LEAP_DAY}|\\d{4}-(?:${MONTH_DAY}))$`), {
      message: fieldMessage(fieldTexts.isoDate),
    }),
  ),
);

export const problemSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      type: z.string(),
      title: z.string(),
      status: z.number().check(z.int()),
      detail: z.string(),
      instance: z.optional(z.string()),
      errors: described(
        z.optional(z.array(z.strictObject({ field: z.string(), code: z.string(), message: z.string() }))),
        'Every failing field, for validation errors',
      ),
      amountDue: described(
        z.optional(z.strictObject({ judiciaryRials: z.string(), officeRials: z.string(), totalRials: z.string() })),
        'fees-due: what the petition still owes each payee, in whole rials',
      ),
    })
    .register(z.globalRegistry, { id: 'Problem', description: 'RFC 9457 problem details' }),
);

export const targetProgressSchema = /* @__PURE__ */ lazySchema(() =>
  described(
    z.nullable(
      z.strictObject({ targetCount: z.number().check(z.int()), targetDate: z.string(), progressPercent: z.number() }),
    ),
    'Active offices against the target an administrator set; null when none is set',
  ),
);

/** What API Gateway itself answers for a bad token or its own throttling. */
export const gatewayMessageSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ message: z.string() })
    .register(z.globalRegistry, { id: 'GatewayMessage', description: "API Gateway's own answer, before any function" }),
);

/** The OpenAPI document's outline: the document describes itself in full. */
export const openApiDocumentSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .looseObject({
      openapi: z.string(),
      info: z.looseObject({ title: z.string() }),
      paths: z.record(z.string(), z.unknown()),
    })
    .register(z.globalRegistry, { id: 'OpenApiDocument' }),
);

export const healthSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ status: z.literal('ok') }).register(z.globalRegistry, { id: 'Health' }),
);

export const deadlineSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      lastDay: described(z.string(), 'The last day to act, Solar Hijri YYYY-MM-DD (Articles 443-445)'),
      endsAt: described(z.string(), 'The end of that day, Tehran time (exclusive), ISO 8601'),
      provisional: described(z.boolean(), "Computed without a year's lunar holidays not loaded yet: it may move later"),
    })
    .register(z.globalRegistry, { id: 'Deadline' }),
);
