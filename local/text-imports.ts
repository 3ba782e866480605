import { register } from 'node:module';

/** Makes `with { type: 'text' }` imports work under tsx for the handlers imported after this call. */
export function registerTextImports(): void {
  register('./text-import-hook.ts', import.meta.url);
}
