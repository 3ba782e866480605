import * as fieldTexts from '../../shared/i18n/field-messages';
import { fieldMessageText } from '../../shared/i18n/field-text';

/**
 * The name of the field message (shared/i18n/field-messages.ts) a zod issue's message stands for,
 * so a test says which rule refused a value: `feeBracketsContiguous`. zod's own messages stay as
 * they are.
 */
export function fieldMessageName(message: string): string {
  const text = fieldMessageText(message);
  return Object.entries(fieldTexts).find(([, entry]) => entry === text)?.[0] ?? message;
}
