import fc from 'fast-check';
import { type ProblemCode, STATUS_OF } from '../../shared/http/problem';
import { FEE_LABELS } from '../../shared/i18n/fee-labels';
import * as fieldTexts from '../../shared/i18n/field-messages';
import { fieldProblemMessages, LABELS, label, labels } from '../../shared/i18n/messages';
import * as problemTexts from '../../shared/i18n/problem-texts';
import { ROUTES } from '../../shared/routes';
import { parseInput } from '../../shared/schemas/validate';

/** Phrases of zod's own English and Persian locales: none may reach a person. */
const LIBRARY_WORDING = [/Invalid input/, /expected \w+, received/, /Too (small|big)/, /Unrecognized key/, /می‌بایست/];
const PERSIAN_LETTER = /[\u0600-\u06FF]/;

describe('field messages', () => {
  it.each(Object.entries(fieldTexts))('%s is written in Persian and in English', (_name, { fa, en }) => {
    expect(fa).toMatch(PERSIAN_LETTER);
    expect(en).not.toMatch(PERSIAN_LETTER);
    expect(en.length).toBeGreaterThan(0);
  });
});

describe('problem texts', () => {
  const PROBLEM_TEXT = Object.fromEntries(Object.values(problemTexts).map((text) => [text.code, text])) as Record<
    ProblemCode,
    problemTexts.ProblemText
  >;
  const codes = Object.keys(STATUS_OF) as ProblemCode[];

  it('has one text for each problem code, exported under the code in camelCase', () => {
    const named = Object.entries(problemTexts).map(([name, text]) => [name, text.code]);

    expect(named.map(([, code]) => code).sort()).toEqual([...codes].sort());
    expect(named.filter(([name, code]) => name !== code?.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()))).toEqual(
      [],
    );
  });
  const sample = {
    allowed: 'dispatch,withdraw',
    from: 'submitted',
    to: 'closed',
    action: 'register',
    status: 'pending',
  };

  it.each(codes)('%s is written in Persian and in English', (code) => {
    const { fa, en } = PROBLEM_TEXT[code];

    expect(fa.title).toMatch(PERSIAN_LETTER);
    expect(fa.detail(sample)).toMatch(PERSIAN_LETTER);
    expect(en.title).not.toMatch(PERSIAN_LETTER);
    expect(en.detail(sample)).not.toMatch(PERSIAN_LETTER);
  });

  it('names statuses and actions as people do, in both languages', () => {
    const fa = PROBLEM_TEXT['transition-not-allowed'].fa.detail(sample);
    const en = PROBLEM_TEXT['transition-not-allowed'].en.detail(sample);

    expect(fa).toBe(
      '«ثبت» برای دادخواست «ارسال‌شده به دادگاه» ممکن نیست. کارهایی که اکنون می‌توانید انجام دهید: «ارجاع»، «استرداد».',
    );
    expect(en).toBe(
      'A petition that is submitted cannot be given "register". What you can do now: dispatch, withdraw.',
    );
  });

  it('never ends with a dash when nothing is open to the caller', () => {
    const none = { ...sample, allowed: '' };

    for (const code of ['forbidden', 'transition-not-allowed', 'office-status-step'] as const) {
      for (const language of ['fa', 'en'] as const) {
        const detail = PROBLEM_TEXT[code][language].detail(none);
        expect(detail).not.toMatch(/[-:]\s*$/);
      }
    }
  });

  it('has a Persian label for every status and action it names', () => {
    for (const entry of [...Object.values(LABELS), ...Object.values(FEE_LABELS)])
      expect(entry.fa).toMatch(PERSIAN_LETTER);
  });

  it('labels the fee and payment codes as well, which are kept in a table of their own', () => {
    expect(label('judiciary', 'fa')).toBe(FEE_LABELS.judiciary?.fa);
    expect(labels('submitted,claim-indigency', 'en')).toBe('submitted, indigency claimed');
    expect(label('no-such-code', 'en')).toBe('no-such-code');
  });
});

describe('validation messages', () => {
  it('says what is wrong with a missing field, a wrong type, a length and a choice in our own words', () => {
    expect(fieldProblemMessages({ code: 'invalid_type', missing: true })).toEqual({
      fa: 'این فیلد لازم است.',
      en: 'This field is required.',
    });
    expect(fieldProblemMessages({ code: 'invalid_type', expected: 'string' }).fa).toBe('مقدار باید متن باشد.');
    expect(fieldProblemMessages({ code: 'too_big', origin: 'string', maximum: 200 })).toEqual({
      fa: 'حداکثر ۲۰۰ نویسه مجاز است.',
      en: 'Must be at most 200 characters.',
    });
    expect(fieldProblemMessages({ code: 'invalid_value', values: ['a', 'b'] }).en).toBe('Send one of: a, b');
  });

  it('says "more than" for a strict bound and counts one item in the singular', () => {
    // Prepare: a document declared with size 0 (positive(): more than 0) and a petition with no party
    const create = ROUTES.find((r) => r.id === 'create-petition')?.request?.body;
    const body = {
      kind: 'civil-petition',
      subject: 'مطالبه وجه',
      description: 'شرح',
      parties: [],
      documents: [
        { kind: 'petition-form', fileName: 'a.pdf', contentType: 'application/pdf', size: 0, sha256: 'a'.repeat(64) },
      ],
    };

    // Act
    let fields: Array<{ field: string; messages: Record<string, string> }> = [];
    try {
      parseInput(create!, body, 'body');
    } catch (error) {
      fields = (error as { fields: typeof fields }).fields;
    }
    const said = (field: string) => fields.find((f) => f.field === field)?.messages;

    // Assess
    expect(said('body.documents.0.size')).toEqual({ fa: 'باید بیشتر از ۰ باشد.', en: 'Must be more than 0.' });
    expect(said('body.parties')).toEqual({ fa: 'دست‌کم ۱ مورد لازم است.', en: 'Must be at least 1 item.' });
  });

  it('reports a name in Latin letters once', () => {
    const party = ROUTES.find((r) => r.id === 'create-petition')?.request?.body;
    const body = {
      kind: 'civil-petition',
      subject: 'مطالبه وجه',
      description: 'شرح',
      parties: [
        {
          type: 'person',
          role: 'claimant',
          nationalId: '0012345679',
          firstName: 'Zahra',
          lastName: 'محمدی',
          fatherName: 'علی',
        },
      ],
    };

    let fields: Array<{ field: string }> = [];
    try {
      parseInput(party!, body, 'body');
    } catch (error) {
      fields = (error as { fields: Array<{ field: string }> }).fields;
    }

    expect(fields.filter((f) => f.field === 'body.parties.0.firstName')).toHaveLength(1);
  });

  it('never passes library wording on, whatever junk reaches any route', () => {
    const request = (route: (typeof ROUTES)[number]) => [
      route.request?.path,
      route.request?.query,
      route.request?.body,
    ];
    const schemas = ROUTES.flatMap(request).filter((schema) => schema !== undefined);

    fc.assert(
      fc.property(fc.constantFrom(...schemas), fc.anything(), (schema, junk) => {
        try {
          parseInput(schema, junk, 'body');
        } catch (error) {
          const fields = (error as { fields?: Array<{ messages: { fa: string; en: string } }> }).fields ?? [];
          for (const { messages } of fields) {
            for (const wording of LIBRARY_WORDING) {
              expect(messages.fa).not.toMatch(wording);
              expect(messages.en).not.toMatch(wording);
            }
            expect(messages.fa).toMatch(PERSIAN_LETTER);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('steps a refusal names', () => {
  it.each([
    [
      'a rejection by its reason',
      problemTexts.transitionNotAllowed,
      { action: 'reject:court-order', from: 'rejection-due' },
    ],
    ['a reassignment', problemTexts.transitionNotAllowed, { action: 'reassign', from: 'registered' }],
    ['a rejected indigency claim', problemTexts.indigencyStep, { action: 'reject', indigency: 'rejected' }],
  ])('words %s in Persian, never by its code', (_what, text, params) => {
    // Act
    const detail = text.fa.detail({ allowed: '', ...params });

    // Assess: no Latin letters at all in the Persian text
    expect(detail).not.toMatch(/[A-Za-z]/);
  });
});
