// Jest's stand-in for esbuild's `with { type: 'text' }`: the file's text as the module's value.
// jest.config.js sends the compressed OpenAPI document (functions/openapi.ts imports it) here.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
