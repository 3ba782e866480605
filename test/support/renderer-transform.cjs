// Jest's stand-in for the build's prepared renderer (infra/prepared-renderer.ts): the module's value
// is what shared/docs/prepare-renderer.ts makes of Redoc's file. Node 24 loads that TypeScript file
// itself (type stripping), since jest does not transform its own transformers.
const { readFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join } = require('node:path');

const PREPARE = join(__dirname, '../../shared/docs/prepare-renderer.ts');

module.exports = {
  process(source) {
    const { prepareRenderer } = require(PREPARE);
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(prepareRenderer(source))} };` };
  },
  // A custom key replaces jest's own, so it names everything the output depends on: the file, this
  // transform, the preparation, Node (its zlib makes the gzip) and jest's configuration.
  getCacheKey(source, _path, options) {
    return createHash('sha256')
      .update(source)
      .update(readFileSync(__filename))
      .update(readFileSync(PREPARE))
      .update(process.version)
      .update(options.configString)
      .digest('hex');
  },
};
