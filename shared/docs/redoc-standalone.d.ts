// The renderer's standalone bundle, prepared when the function is built (`with { type:
// 'prepared-renderer' }`, shared/docs/prepare-renderer.ts): esbuild's plugin does it for Lambda,
// a load hook (tsx) and a transform (jest) locally.
declare module 'redoc/bundles/redoc.standalone.js' {
  const renderer: import('./prepare-renderer').PreparedRenderer;
  export default renderer;
}

// The OpenAPI document, gzipped and in base64 (`npm run client` writes it), imported as text.
declare module '*.gz.b64' {
  const base64: string;
  export default base64;
}
