import fc from 'fast-check';
import { handler as createOffice } from '../../functions/create-office';
import { handler as createPetition } from '../../functions/create-petition';
import { handler as declareDocuments } from '../../functions/declare-documents';
import { handler as downloadDocument } from '../../functions/download-document';
import { handler as generateMonthlyReport } from '../../functions/generate-monthly-report';
import { handler as getMonthlyReport } from '../../functions/get-monthly-report';
import { handler as getOffice } from '../../functions/get-office';
import { handler as getPetition } from '../../functions/get-petition';
import { handler as giveFeedback } from '../../functions/give-feedback';
import { handler as listOffices } from '../../functions/list-offices';
import { handler as listPetitions } from '../../functions/list-petitions';
import { handler as removeDocument } from '../../functions/remove-document';
import { handler as setNetworkTarget } from '../../functions/set-network-target';
import { handler as submitPetition } from '../../functions/submit-petition';
import { handler as trackPetition } from '../../functions/track-petition';
import { handler as transitionPetition } from '../../functions/transition-petition';
import { handler as updateOffice } from '../../functions/update-office';
import type { ApiEvent, ApiResult } from '../../shared/http/types';
import { apiEvent, type Caller, invokeRoute } from '../support/api-event';
import { checkAnswer } from '../support/contract';
import { officeBody } from '../support/fixtures';
import { activeOffice, idempotencyKey, nationalId, petitionBody } from '../support/petitions';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

/** A route's handler; its context type is the route's own (the middleware fills it in). */
type Handler = (event: ApiEvent, context: never) => Promise<ApiResult>;

let officeCode: string;
let petitionId: string;
let trackingCode: string;
let claimant: string;

beforeAll(async () => {
  await provisionStores();
  officeCode = await activeOffice();
  claimant = nationalId();
  const clerk: Caller = { role: 'clerk', officeCode };
  const created = await invokeRoute(
    createPetition,
    apiEvent('create-petition', { caller: clerk, body: petitionBody(claimant) }),
  );
  petitionId = JSON.parse(created.body!).petitionId;
  const draft = await invokeRoute(createPetition, apiEvent('create-petition', { caller: clerk, body: petitionBody() }));
  const submitted = await invokeRoute(
    submitPetition,
    apiEvent('submit-petition', {
      caller: clerk,
      pathParameters: { petitionId: JSON.parse(draft.body!).petitionId },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
  );
  trackingCode = JSON.parse(submitted.body!).trackingCode;
});
afterAll(dropStores);

/** Any JSON value, a valid body with one field replaced by junk, or text that is not JSON. */
function hostileBody(valid: () => Record<string, unknown>) {
  const junk = fc.oneof(
    fc.jsonValue(),
    fc.string({ unit: 'binary' }),
    fc.constant(null),
    fc.double(),
    fc.constant('۱۲۳٤'),
    fc.constant('x'.repeat(5000)),
  );
  return fc.oneof(
    fc.jsonValue().map((v) => ({ json: v })),
    fc.tuple(fc.nat(), junk).map(([i, value]) => {
      const body: Record<string, unknown> = valid();
      const keys = Object.keys(body);
      body[keys[i % keys.length]!] = value;
      return { json: body };
    }),
    fc
      .tuple(fc.string({ unit: 'binary', maxLength: 30 }), junk)
      .map(([key, value]) => ({ json: { ...valid(), [key]: value } })),
    fc.string({ unit: 'binary' }).map((raw) => ({ raw })),
    // Nesting far deeper than any request needs, a few kilobytes of it.
    fc
      .tuple(fc.integer({ min: 17, max: 4000 }), fc.constantFrom('[', '{"a":'))
      .map(([depth, open]) => ({ raw: open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth) })),
    // Bytes that are not UTF-8, and control characters inside an otherwise valid body.
    fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => ({ bytes: Buffer.from([0xc3, 0x28, ...bytes]) })),
    fc.tuple(fc.nat(), fc.constantFrom('\u0000', '\u0007', '\r', '\u001b[31m', '\u0085')).map(([i, control]) => {
      const body: Record<string, unknown> = valid();
      const keys = Object.keys(body);
      body[keys[i % keys.length]!] = `نام${control}`;
      return { json: body };
    }),
  );
}

/** Mostly the caller the route is for, so that input gets past authorization to validation. */
const anyCaller = (usual: () => Caller | undefined) =>
  fc.oneof(
    { arbitrary: fc.constant(null).map(usual), weight: 4 },
    { arbitrary: fc.constant<Caller | undefined>(undefined), weight: 1 },
    {
      arbitrary: fc.constantFrom<Caller>(
        { role: 'clerk', officeCode: '00000' },
        { role: 'court' },
        { role: 'province-admin' },
        { role: 'manager', officeCode: '1234' },
      ),
      weight: 1,
    },
  );

const pathValue = () =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.uuid(),
    fc.constant('../../etc/passwd'),
    fc.constant('%00'),
    fc.constant(''),
  );
const headerValues = fc.record(
  {
    'content-type': fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 6 },
      { arbitrary: fc.constantFrom('text/plain', 'application/problem+json', 'multipart/form-data', ''), weight: 1 },
    ),
    'accept-language': fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('en', 'fa', '*;q=0')),
    'idempotency-key': fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constant(idempotencyKey())),
    'x-correlation-id': fc.string({ unit: 'binary', maxLength: 200 }),
  },
  { requiredKeys: [] },
);
const queryValues = () =>
  fc.oneof(
    fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 60 }), { maxKeys: 4 }),
    fc.record(
      {
        nationalId: fc.oneof(fc.constant(claimant), fc.constant(nationalId()), fc.string({ maxLength: 12 })),
        status: fc.constantFrom('draft', 'submitted', 'open'),
        limit: fc.oneof(fc.constant('5'), fc.string({ maxLength: 5 })),
        cursor: fc.string({ maxLength: 80 }),
      },
      { requiredKeys: [] },
    ),
  );

interface RouteCase {
  id: string;
  handler: Handler;
  caller: () => Caller | undefined;
  body?: () => Record<string, unknown>;
  path?: (pathValue: string) => Record<string, string>;
  query?: boolean;
}

const admin = (): Caller => ({ role: 'province-admin' });
const clerk = (): Caller => ({ role: 'clerk', officeCode });

const cases: RouteCase[] = [
  { id: 'create-office', handler: createOffice, caller: admin, body: () => officeBody() },
  {
    id: 'update-office',
    handler: updateOffice,
    caller: admin,
    body: () => ({ name: 'دفتر', status: 'active' }),
    path: (v) => ({ officeCode: v }),
  },
  { id: 'get-office', handler: getOffice, caller: clerk, path: (v) => ({ officeCode: v }) },
  { id: 'list-offices', handler: listOffices, caller: clerk, query: true },
  { id: 'create-petition', handler: createPetition, caller: clerk, body: () => petitionBody() },
  { id: 'submit-petition', handler: submitPetition, caller: clerk, body: () => ({}), path: (v) => ({ petitionId: v }) },
  { id: 'get-petition', handler: getPetition, caller: clerk, path: (v) => ({ petitionId: v }) },
  {
    id: 'declare-documents',
    handler: declareDocuments,
    caller: clerk,
    body: () => ({
      documents: [
        { kind: 'evidence', fileName: 'a.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) },
      ],
    }),
    path: (v) => ({ petitionId: v }),
  },
  {
    id: 'download-document',
    handler: downloadDocument,
    caller: clerk,
    path: (v) => ({ petitionId: v, documentId: v }),
  },
  {
    id: 'remove-document',
    handler: removeDocument,
    caller: clerk,
    path: (v) => ({ petitionId: v, documentId: v }),
  },
  { id: 'list-petitions', handler: listPetitions, caller: clerk, query: true },
  {
    id: 'transition-petition',
    handler: transitionPetition,
    caller: clerk,
    body: () => ({ action: 'withdraw', expectedVersion: 1 }),
    path: (v) => ({ petitionId: v }),
  },
  { id: 'get-monthly-report', handler: getMonthlyReport, caller: admin, path: (v) => ({ month: v }), query: true },
  {
    id: 'generate-monthly-report',
    handler: generateMonthlyReport,
    caller: admin,
    path: (v) => ({ month: v }),
    query: true,
  },
  {
    id: 'set-network-target',
    handler: setNetworkTarget,
    caller: admin,
    body: () => ({ targetCount: 22, targetDate: '2019-09-22' }),
  },
  {
    id: 'track-petition',
    handler: trackPetition,
    caller: () => undefined,
    path: (v) => ({ trackingCode: v }),
    query: true,
  },
  {
    id: 'give-feedback',
    handler: giveFeedback,
    caller: () => undefined,
    body: () => ({ trackingCode, nationalId: claimant, ratings: { courtesy: 5, responsiveness: 5, overall: 5 } }),
  },
];

describe.each(cases)('$id under hostile input', (route) => {
  it('never answers 5xx, answers 4xx as problem+json, and a rejected request changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCaller(route.caller),
        route.body ? hostileBody(route.body) : fc.constant(undefined),
        route.path
          ? fc.oneof(
              pathValue(),
              fc.constant(petitionId),
              fc.constant(trackingCode),
              fc.constant(officeCode),
              fc.constantFrom('1398-06', '1405-13', '2019-09'),
            )
          : fc.constant(''),
        route.query ? queryValues() : fc.constant(undefined),
        headerValues,
        fc.boolean(),
        async (caller, body, path, query, headers, base64) => {
          const before = await tableSnapshot();
          const bytes =
            body === undefined
              ? undefined
              : 'bytes' in body
                ? body.bytes
                : Buffer.from('raw' in body ? body.raw : JSON.stringify(body.json));
          // Bytes that are not UTF-8 can only travel base64-encoded, as API Gateway sends binary bodies.
          const encoded = base64 || (body !== undefined && 'bytes' in body);
          const event = apiEvent(route.id, {
            ...(caller ? { caller } : {}),
            ...(route.path ? { pathParameters: route.path(path) } : {}),
            ...(query ? { query } : {}),
            headers,
            ...(bytes !== undefined ? { rawBody: encoded ? bytes.toString('base64') : bytes.toString('utf8') } : {}),
          });
          if (encoded && bytes !== undefined) event.isBase64Encoded = true;

          const result = await invokeRoute(route.handler, event);
          checkAnswer(event.routeKey, result);

          const status = result.statusCode ?? 200;
          expect(status).toBeLessThan(500);
          if (status >= 400) {
            expect(String(result.headers?.['content-type'])).toMatch(/^application\/problem\+json/);
            expect(JSON.parse(result.body!)).toMatchObject({
              status,
              title: expect.any(String),
              type: expect.any(String),
            });
            expect(await tableSnapshot()).toEqual(before);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
