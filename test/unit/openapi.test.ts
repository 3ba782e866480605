import { spawnSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { DOCUMENT_POLICY } from '../../shared/domain/document-policy';
import { ValidationError } from '../../shared/domain/errors';
import { normaliseText } from '../../shared/domain/normalise';
import { buildOpenApiDocument } from '../../shared/openapi';
import { ROUTES } from '../../shared/routes';
import { parseInput } from '../../shared/schemas/validate';

const document = buildOpenApiDocument();

/** Validates with an OpenAPI 3.1 schema validator; it is ESM-only, so it runs in a child Node. */
function validate(doc: unknown): { valid: boolean; errors?: unknown } {
  const script =
    "import { Validator } from '@seriousme/openapi-schema-validator';" +
    "let input = ''; process.stdin.on('data', (c) => (input += c)); process.stdin.on('end', async () => {" +
    'const result = await new Validator().validate(JSON.parse(input)); process.stdout.write(JSON.stringify(result)); });';
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(doc),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { valid: boolean; errors?: unknown };
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    const result = validate(document);

    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('defines every component schema (none is a reference to itself)', () => {
    for (const [id, schema] of Object.entries(document.components.schemas)) {
      expect(schema).not.toEqual({ $ref: `#/components/schemas/${id}` });
    }
  });

  it('describes every route of the route table, with its authorization', () => {
    for (const route of ROUTES) {
      const operation = (document.paths[route.path] as Record<string, { operationId: string; security: unknown[] }>)[
        route.method.toLowerCase()
      ];
      expect(operation?.operationId).toBe(route.id);
      expect(operation?.security).toEqual(route.auth === 'public' ? [] : [{ bearer: [] }]);
    }
  });

  it('publishes the document policy and the caps', () => {
    const declaration = document.components.schemas.DocumentDeclaration as {
      properties: Record<string, Record<string, unknown>>;
    };
    const create = document.components.schemas.CreatePetition as {
      properties: Record<string, Record<string, unknown>>;
    };

    expect(declaration.properties.size).toMatchObject({ maximum: DOCUMENT_POLICY.maxBytes });
    expect(declaration.properties.contentType).toMatchObject({ enum: DOCUMENT_POLICY.contentTypes });
    expect(create.properties.documents).toMatchObject({ maxItems: DOCUMENT_POLICY.maxFilesPerPetition });
    expect(create.properties.parties).toMatchObject({ maxItems: 20 });
    expect(document.info.description).toContain('65536 bytes');
  });

  it('rejects a document that breaks the schema, so the check can fail', () => {
    expect(validate({ ...document, openapi: 3.1 }).valid).toBe(false);
  });
});

type JsonSchema = Record<string, unknown> & {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};
type ZodDef = {
  type: string;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
};
type Operation = {
  parameters?: Array<{ name: string; in: string; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

/** The schema a wrapper stands for: what a lazy, optional, default or nullable schema validates a present value with. */
function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  const def = schema._zod.def as ZodDef;
  if (def.type === 'lazy') return unwrap((schema as z.ZodMiniLazy<z.ZodMiniType>)._zod.innerType);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

const resolve = (schema: JsonSchema): JsonSchema =>
  schema.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()!] as JsonSchema) : schema;

/**
 * Every request field the document gives a pattern, beside the server's own schema of it: the
 * published schema and the zod one walked together, property by property, item by item, option by
 * option (zod writes a union's options in its order).
 */
function patternedFields(): Array<[string, JsonSchema, z.ZodMiniType]> {
  const found = new Map<string, [string, JsonSchema, z.ZodMiniType]>();
  const walk = (published: JsonSchema, server: z.ZodMiniType, where: string): void => {
    const json = resolve(published);
    const zod = unwrap(server);
    const def = zod._zod.def as ZodDef;
    if (json.type === 'string' && typeof json.pattern === 'string') found.set(where, [where, json, zod]);
    for (const [key, property] of Object.entries(json.properties ?? {})) {
      if (def.shape?.[key]) walk(property, def.shape[key], `${where}.${key}`);
    }
    if (json.items && def.element) walk(json.items, def.element, `${where}[]`);
    for (const [i, option] of (json.oneOf ?? json.anyOf ?? []).entries()) {
      const server = def.type === 'union' ? def.options?.[i] : zod;
      if (server) walk(option, server, where);
    }
  };
  for (const route of ROUTES) {
    const operation = (document.paths[route.path] as Record<string, Operation>)[route.method.toLowerCase()]!;
    const parameters = (place: string): JsonSchema => ({
      properties: Object.fromEntries(
        (operation.parameters ?? []).filter((p) => p.in === place).map((p) => [p.name, p.schema]),
      ),
    });
    const { path, query, body } = route.request ?? {};
    if (path) walk(parameters('path'), path, `${route.id} path`);
    if (query) walk(parameters('query'), query, `${route.id} query`);
    const published = operation.requestBody?.content['application/json']?.schema;
    if (body && published) walk(published, body, `${route.id} body`);
  }
  return [...found.values()];
}

/**
 * What people type and paste into these fields: Persian and Arabic letters and digits, marks,
 * Latin, punctuation, white space and invisible characters, and what no field takes (controls,
 * direction overrides, half a surrogate pair).
 */
const CHARACTERS = [
  ...'ابپتمودیکهسرشن',
  ...'يكى٣۱۲',
  ...'0123456789',
  ...' \u200c\u061c\u064b\u0640\t\u00a0\u200b\ufeff',
  ...'()-.،/\\:@_+',
  ...'aZTr😀',
  ...'\u0000\u007f\u0085\u202e\n',
  '\ud800',
];
const SAMPLES = [
  '12',
  '۱۲۳',
  '--',
  '  ',
  '()',
  '\u064b\u064b',
  'م',
  'م ',
  ' م',
  'م\u200c',
  '\u061cم',
  'مود',
  'سربیشه',
  'a1',
  `${'م'.repeat(60)} `,
  '56101',
  '2019-09-01',
  '2019-02-30',
  '2100-02-29',
  '2000-02-29',
  '1405-13',
  '1405-00',
  '1405-12',
  '1405-12-30',
  '\u200b',
  '\u00a0\u00a0',
  'a\u202egpj.exe',
];
const typed = fc.oneof(
  fc.string({ unit: fc.constantFrom(...CHARACTERS), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...CHARACTERS), minLength: 55, maxLength: 65 }),
);

describe('request fields with a pattern in the OpenAPI document', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const fields = patternedFields();

  it('are found on the routes, the Persian text fields among them', () => {
    expect(fields.map(([where]) => where)).toEqual(
      expect.arrayContaining(['create-office body.judicialDistrict', 'list-courts query.judicialDistrict']),
    );
  });

  it.each(fields)(
    '%s: the document accepts what the server accepts, exactly for input in normal form',
    (_, json, zod) => {
      const published = ajv.compile(json);
      const server = (value: string) => {
        try {
          parseInput(zod, value, 'body');
          return true;
        } catch (error) {
          if (error instanceof ValidationError) return false;
          throw error;
        }
      };
      // Input in normal form: what the server's normalisation (normaliseText) leaves as it is.
      const agree = (value: string) =>
        normaliseText(value) === value ? published(value) === server(value) : !published(value) || server(value);

      expect(SAMPLES.filter((value) => !agree(value))).toEqual([]);
      fc.assert(fc.property(typed, agree), { seed: 1405, numRuns: 300 });
    },
  );
});
