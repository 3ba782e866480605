import { buildOpenApiDocument, tagOf } from '../../shared/openapi';

describe('tags of the OpenAPI document', () => {
  it('groups operations by the first path segment, and documents under a petition as Documents', () => {
    expect(tagOf('/v1/petitions/{petitionId}/submit')).toBe('Petitions');
    expect(tagOf('/v1/petitions/{petitionId}/documents/{documentId}')).toBe('Documents');
    expect(tagOf('/v1/track/{trackingCode}')).toBe('Citizens');
    expect(tagOf('/v1/docs/redoc.standalone.js')).toBe('API');
    expect(tagOf('/v1/courts/{courtCode}/inbox')).toBe('Courts');
  });

  it('gives a route under a new segment a tag of its own rather than none', () => {
    expect(tagOf('/v1/widgets/{widgetId}')).toBe('widgets');
  });

  it('declares, with a description, every tag an operation uses', () => {
    const document = buildOpenApiDocument();
    const used = Object.values(document.paths).flatMap((item) =>
      Object.values(item as Record<string, { tags: string[] }>).flatMap((operation) => operation.tags),
    );

    for (const name of used) {
      expect(document.tags.find((tag) => tag.name === name)?.description).toEqual(expect.any(String));
    }
  });
});
