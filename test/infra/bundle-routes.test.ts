import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type * as z from 'zod/mini';
import { esbuildOptions } from '../../infra/bundling';
import { petitionEventSchema } from '../../shared/events/petition-events';
import * as fieldTexts from '../../shared/i18n/field-messages';
import * as problemTexts from '../../shared/i18n/problem-texts';
import { AUTH_FUNCTIONS, EVENT_FUNCTIONS, ROUTES, type RouteDefinition } from '../../shared/routes';
import { idempotencyHeadersSchema, noBodySchema } from '../../shared/schemas/headers';

/**
 * Each function's bundle carries its own route's module and no other route's (so no other
 * route's schemas): the route table is the sum of the route modules, and only the OpenAPI
 * function, which publishes them all, imports it whole. Bundled as the stack bundles them, with
 * packages left external: only our own modules are read.
 */
/** The functions' own code, bundled as the stack bundles it but with packages left out, in memory. */
const bundleOwnCode = (specs: readonly { id: string }[], options: { minify?: boolean } = {}) =>
  build({
    ...esbuildOptions,
    ...options,
    entryPoints: Object.fromEntries(specs.map((spec) => [spec.id, resolve('functions', `${spec.id}.ts`)])),
    outdir: resolve('bundles'),
    write: false,
    metafile: true,
    packages: 'external',
    // The docs renderer is imported as text; its content does not matter here.
    loader: { '.js': 'js' },
    external: ['redoc/*'],
  });

it("bundles each route's function with its own route module only", async () => {
  const result = await bundleOwnCode(ROUTES);
  const routeModulesOf = (entry: string) => {
    const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint === entry);
    return Object.keys(output?.inputs ?? {})
      .filter((input) => input.startsWith('shared/routes/') && !input.endsWith('/define.ts'))
      .sort();
  };

  // The openapi function too: it serves the committed document instead of building it from every route.
  for (const route of ROUTES) {
    expect({ route: route.id, modules: routeModulesOf(`functions/${route.id}.ts`) }).toEqual({
      route: route.id,
      modules: [`shared/routes/${route.id}.ts`],
    });
  }
});

/**
 * The definitions of every schema reachable from these: through objects, arrays, unions, wrappers
 * and lazies, and through the named schemas a lazy's builder uses (a schema derived with
 * `.unwrap().extend()` holds no link to its origin, but its builder names it). Definitions, not
 * schema objects: `.describe()` and `.optional()` return new objects, and a described clone
 * shares its original's definition.
 */
function reachableDefinitions(
  roots: readonly (z.ZodMiniType | undefined)[],
  named: readonly { name: string; schema: unknown }[],
): Set<unknown> {
  const reached = new Set<unknown>();
  const visit = (schema: unknown): void => {
    if (typeof schema !== 'object' || schema === null || !('_zod' in schema)) return;
    const zod = (schema as { _zod: { def: Record<string, unknown>; innerType?: unknown } })._zod;
    const def = zod.def;
    if (reached.has(def)) return;
    reached.add(def);
    if (def.type === 'lazy') {
      visit(zod.innerType);
      const builder = String(def.getter);
      for (const { name, schema: other } of named) if (new RegExp(`\\b${name}\\b`).test(builder)) visit(other);
    }
    for (const key of ['innerType', 'element', 'in', 'out', 'left', 'right', 'keyType', 'valueType', 'rest'])
      visit(def[key]);
    for (const key of ['options', 'items'])
      for (const option of (def[key] as unknown[] | undefined) ?? []) visit(option);
    for (const field of Object.values((def.shape as Record<string, unknown> | undefined) ?? {})) visit(field);
  };
  for (const root of roots) visit(root);
  return reached;
}

const definitionOf = (schema: unknown) => (schema as { _zod: { def: unknown } })._zod.def;

it("bundles each function with its own route's schemas only", async () => {
  const schemaFiles = readdirSync(resolve('shared/schemas')).filter((f) => !['validate.ts', 'lazy.ts'].includes(f));
  const exported: { name: string; schema: unknown }[] = [];
  for (const file of schemaFiles) {
    const module = (await import(resolve('shared/schemas', file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module))
      if (typeof value === 'object' && value !== null && '_zod' in value) exported.push({ name, schema: value });
  }
  const specs: (RouteDefinition | (typeof EVENT_FUNCTIONS)[number] | (typeof AUTH_FUNCTIONS)[number])[] = [
    ...ROUTES,
    ...EVENT_FUNCTIONS,
    ...AUTH_FUNCTIONS,
  ];
  // Unminified, so that each schema keeps its name.
  const result = await bundleOwnCode(specs, { minify: false });
  const codeOf = (id: string) =>
    result.outputFiles.find((file) => file.path.endsWith(`/${id}.js`) || file.path.endsWith(`/${id}.mjs`))?.text ?? '';
  // What the code parses besides the route's own: headers of idempotent routes, a body sent to a
  // route that takes none, and the events that writers put in the outbox and the notifier reads.
  const parsedByCode = [idempotencyHeadersSchema, noBodySchema, petitionEventSchema];

  for (const spec of specs) {
    const route = 'method' in spec ? spec : undefined;
    const reachable = reachableDefinitions(
      [
        ...parsedByCode,
        route?.request?.path,
        route?.request?.query,
        route?.request?.body,
        ...Object.values(route?.responses ?? {}).map((response) => response.schema),
      ],
      exported,
    );
    const code = codeOf(spec.id);
    const held = exported.filter(({ name }) =>
      new RegExp(`\\bvar ${name}\\d* = /\\* @__PURE__ \\*/ lazySchema\\(`).test(code),
    );
    const strangers = held.filter(({ schema }) => !reachable.has(definitionOf(schema))).map(({ name }) => name);

    expect(code.length).toBeGreaterThan(0);
    expect({ id: spec.id, strangers }).toEqual({ id: spec.id, strangers: [] });
  }
  // The check can fail: the petition listing holds its query schema, which another route's bundle must not.
  expect(codeOf('list-petitions')).toMatch(/\bvar listPetitionsQuerySchema\d* = /);
  expect(codeOf('get-petition')).not.toMatch(/\bvar listPetitionsQuerySchema\d* = /);
}, 120_000);

const TEXT_MODULES = ['shared/i18n/field-messages.ts', 'shared/i18n/problem-texts.ts'];

/**
 * The field messages (shared/i18n/field-messages.ts) and problem texts (problem-texts.ts) a
 * function's bundle holds are those its own code names: its schemas, its use case and adapters,
 * the errors they raise, the validation every route runs. A text is found in a bundle by its
 * English words; who names it, by `fieldTexts.<name>` or `problemTexts.<name>` in the bundle's
 * source modules. A catalogue that gathered them all (as FIELD_MESSAGES and PROBLEM_TEXT once
 * did) would put every text in every bundle: the office routes would hold the fee schedule's.
 */
it('bundles each function with the messages and problem texts its own code names only', async () => {
  const specs = [...ROUTES, ...EVENT_FUNCTIONS, ...AUTH_FUNCTIONS];
  const result = await bundleOwnCode(specs, { minify: false });
  const english = [
    ...Object.entries(fieldTexts).map(([name, text]) => ({ name: `fieldTexts.${name}`, words: text.en })),
    ...Object.entries(problemTexts).map(([name, text]) => ({ name: `problemTexts.${name}`, words: text.en.title })),
  ];
  const heldBy = (id: string) => {
    const code =
      result.outputFiles.find((file) => file.path.endsWith(`/${id}.js`) || file.path.endsWith(`/${id}.mjs`))?.text ??
      '';
    // As a whole string literal, in the quotes esbuild chose: "Conflict" is not ConflictError.
    const literal = (words: string) => JSON.stringify(words).slice(1, -1);
    return english
      .filter(({ words }) => ['"', "'", '`'].some((quote) => code.includes(`${quote}${literal(words)}${quote}`)))
      .map(({ name }) => name);
  };
  const namedBy = (id: string) => {
    const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint === `functions/${id}.ts`);
    // Virtual modules (`namespace:path`, infra/node-http-require.ts) have no file, and no texts.
    const modules = Object.keys(output?.inputs ?? {}).filter(
      (path) => !TEXT_MODULES.includes(path) && !/^[\w-]+:/.test(path),
    );
    const sources = modules.map((path) => readFileSync(path, 'utf8'));
    return new Set(
      sources.flatMap((source) => [...source.matchAll(/\b(?:fieldTexts|problemTexts)\.\w+/g)].map((m) => m[0])),
    );
  };

  // Each text is told apart by its English words, and is found in some bundle: none is dead, and
  // none is written in a way this search would miss.
  expect(new Set(english.map(({ words }) => words)).size).toBe(english.length);
  const found = new Set<string>();
  for (const spec of specs) {
    const named = namedBy(spec.id);
    const held = heldBy(spec.id);
    for (const name of held) found.add(name);
    const strangers = held.filter((name) => !named.has(name));
    expect({ id: spec.id, strangers }).toEqual({ id: spec.id, strangers: [] });
  }
  // The one exception: the quote input's schema (fee-schedule.ts) checks its claim in tests only;
  // a petition's quote is checked by the domain (FeeError 'ambiguous-claim').
  const unused = ['fieldTexts.feeAmbiguousClaim'];
  expect(english.map(({ name }) => name).filter((name) => !found.has(name) && !unused.includes(name))).toEqual([]);
  // The check can fail: the fee schedule's texts are in the route that loads schedules, and in no office route.
  expect(heldBy('put-fee-schedule')).toEqual(
    expect.arrayContaining(['fieldTexts.feeBracketsContiguous', 'problemTexts.scheduleVersionUsed']),
  );
  expect(heldBy('get-office')).not.toContain('fieldTexts.feeBracketsContiguous');
  expect(heldBy('get-office')).not.toContain('problemTexts.scheduleVersionUsed');
}, 120_000);

/**
 * What a function loads at cold start (issue 16). Bundled whole, as shipped, since only a full
 * bundle shows what tree-shaking left of a package.
 */
describe('what each shipped bundle loads', () => {
  const specs = [...ROUTES, ...EVENT_FUNCTIONS, ...AUTH_FUNCTIONS];
  let inputsOf: (id: string) => string[];
  let codeOf: (id: string) => string;

  beforeAll(async () => {
    const result = await build({
      ...esbuildOptions,
      entryPoints: Object.fromEntries(specs.map((spec) => [spec.id, resolve('functions', `${spec.id}.ts`)])),
      outdir: resolve('bundles'),
      write: false,
      metafile: true,
      minify: false,
      nodePaths: [resolve('node_modules')],
    });
    inputsOf = (id) => {
      const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint === `functions/${id}.ts`);
      return Object.entries(output?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path);
    };
    codeOf = (id) => result.outputFiles.find((file) => file.path === resolve('bundles', `${id}.js`))?.text ?? '';
  }, 120_000);

  // Presigning is local work (shared/adapters/s3-presigned-urls.ts): a function that only hands
  // out URLs makes no S3 call and carries no S3 client, a third of a data function's bundle.
  it('holds the S3 client only where a function calls S3, not where it only presigns URLs', () => {
    for (const spec of specs) {
      const packages = new Set(inputsOf(spec.id).map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]));
      const callsS3 = (spec.documents ?? []).some((access) => !access.startsWith('presign-'));
      const usesS3 = callsS3 || Boolean('reports' in spec && spec.reports);
      expect({ id: spec.id, s3: packages.has('@aws-sdk/client-s3') }).toEqual({ id: spec.id, s3: usesS3 });
    }
  });

  // zod's classic build puts every method on every schema it makes: a third of its size and of
  // its first parse. The functions use zod/mini; one classic import would bring it all back.
  it("holds zod's mini build, never its classic one", () => {
    for (const spec of specs) {
      const classic = inputsOf(spec.id).filter((path) => path.includes('node_modules/zod/v4/classic/'));
      expect({ id: spec.id, classic }).toEqual({ id: spec.id, classic: [] });
    }
  });

  // A class's methods are bundled whole: a report function holding the petition repository for
  // its attention query carried every petition write too (22 KiB, ports.ts AttentionSource).
  it('holds the attention query in the report functions, not the petition repository', () => {
    const reportFunctions = specs.filter((spec) => 'reports' in spec && spec.reports).map((spec) => spec.id);
    const repositoryMethod = /\basync (addFeedback|curesEndingOn)\(/;

    expect(reportFunctions).toEqual(expect.arrayContaining(['get-monthly-report', 'monthly-report-job']));
    expect(codeOf('give-feedback')).toMatch(repositoryMethod);
    expect(codeOf('get-monthly-report')).toMatch(/\basync needingAttention\(/);
    for (const id of reportFunctions)
      expect({ id, repository: repositoryMethod.test(codeOf(id)) }).toEqual({ id, repository: false });
  });

  // The same for the functions that only read petitions: DynamoPetitionReader, not the repository
  // with its writes (the outbox, the notices, the counters: 18-23 KiB).
  it('holds the petition writes only where a function writes petitions', () => {
    const readers = ['get-petition', 'list-petitions', 'get-court-inbox', 'get-petition-fees', 'keep-documents'];
    const notices = ['print-notice', 'read-own-notices', 'list-petition-notices', 'track-petition'];
    // Methods only the repository has (others, like the offices, have a save and an insert too).
    const petitionWrite = /\basync (recordAccess|addFeedback)\(/;

    expect(codeOf('give-feedback')).toMatch(petitionWrite);
    expect(codeOf('get-petition')).toMatch(/\basync withAuditTrail\(/);
    // Verification reads the petition and saves its change, and holds none of the other methods.
    expect(codeOf('verify-document')).toMatch(/\bDynamoPetitionWriter\d* = class\b/);
    expect(codeOf('verify-document')).not.toMatch(/\bDynamoPetition(Reader|Repository)\d* = class\b/);
    expect(codeOf('verify-document')).not.toMatch(/\basync (withAuditTrail|inbox|recordAccess)\(/);
    // A citizen's track reads the payments with the petition, and needs none of their repository.
    expect(codeOf('track-petition')).toMatch(/\basync withPayments\(/);
    expect(codeOf('track-petition')).not.toMatch(/\basync forPetition\(/);
    for (const id of [...readers, ...notices])
      expect({ id, writes: petitionWrite.test(codeOf(id)) }).toEqual({ id, writes: false });
  });
});
