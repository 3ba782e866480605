import { spawnSync } from 'node:child_process';
import { DOCUMENT_POLICY } from '../../shared/domain/document-policy';
import { buildOpenApiDocument } from '../../shared/openapi';
import { ROUTES } from '../../shared/routes';

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
