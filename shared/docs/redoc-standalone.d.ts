// The renderer's standalone bundle, imported as text (`with { type: 'text' }`): esbuild inlines it
// into the one function that serves it; locally a load hook (tsx) or a transform (jest) does the same.
declare module 'redoc/bundles/redoc.standalone.js' {
  const script: string;
  export default script;
}
