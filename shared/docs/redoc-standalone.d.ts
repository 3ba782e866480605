// The renderer's standalone bundle, imported as text (`with { type: 'text' }`): esbuild inlines it
// into the one function that serves it; locally a load hook (tsx) or a transform (jest) does the same.
declare module 'redoc/bundles/redoc.standalone.js' {
  const script: string;
  export default script;
}

// The OpenAPI document, gzipped and in base64 (`npm run client` writes it), imported as text the same way.
declare module '*.gz.b64' {
  const base64: string;
  export default base64;
}
