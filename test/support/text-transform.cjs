// Jest's stand-in for esbuild's `with { type: 'text' }`: the file's text as the module's value.
// jest.config.js sends only the renderer bundle here (shared/docs/renderer-script.ts imports it).
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
