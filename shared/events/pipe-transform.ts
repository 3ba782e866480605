/**
 * What an EventBridge pipe does to a source record between its filter and an event-bus target,
 * for the local runtime, which has no pipe: the dynamic path parameters of the target (`Source`,
 * `DetailType`) and the input template that becomes the event's `detail`. CDK deploys the very
 * same definition (shared/adapters/dynamo-outbox.ts: OUTBOX_PIPE); this file only applies it.
 *
 * Implemented by AWS's documented rules, and only as far as our pipe uses them:
 * - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html
 *   (placeholders `<$.path>` in dot notation; the value replaces the placeholder as it is, which
 *   is why the documentation says to quote a placeholder that refers to a string: a string is not
 *   quoted for you, an object or array is written as JSON)
 * - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-target.html
 *   (dynamic path parameters: the whole value is one JSON path into the source record, never into
 *   the transformed value)
 * Reserved variables (`<aws.pipes.…>`), bracket indices and wildcards are refused here, so a pipe
 * that starts using one fails in a test instead of being transformed differently than in AWS.
 * Modelled on the documentation, not verified against AWS.
 */

export class PipeTransformError extends Error {
  override name = 'PipeTransformError';
}

const PATH = /^\$(?:\.[A-Za-z0-9_-]+)+$/;
const PLACEHOLDER = /<([^<>]*)>/g;

/** The value at a dot-notation JSON path (`$.dynamodb.NewImage.event.S`), or undefined. */
export function resolvePipePath(payload: unknown, path: string): unknown {
  if (!PATH.test(path)) throw new PipeTransformError(`unsupported JSON path: ${path}`);
  let value: unknown = payload;
  for (const name of path.slice(2).split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** The text an input template gives for one source record. A path that is absent fails the record. */
export function renderInputTemplate(template: string, payload: unknown): string {
  return template.replace(PLACEHOLDER, (_match, path: string) => {
    if (!PATH.test(path)) throw new PipeTransformError(`unsupported placeholder <${path}>`);
    const value = resolvePipePath(payload, path);
    if (value === undefined) throw new PipeTransformError(`no value at ${path}`);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** A target parameter: a dynamic path when the whole value is a JSON path, else the value itself. */
export function targetParameter(value: string, payload: unknown): string {
  if (!value.startsWith('$.')) return value;
  const resolved = resolvePipePath(payload, value);
  if (typeof resolved !== 'string') throw new PipeTransformError(`no string at ${value}`);
  return resolved;
}

/** An event-bus target of a pipe, as the pipe's `TargetParameters` state it. */
export interface PipeBusTarget {
  /** `EventBridgeEventBusParameters.Source`: static, or a dynamic path. */
  source: string;
  /** `EventBridgeEventBusParameters.DetailType`: static, or a dynamic path. */
  detailType: string;
  /** `InputTemplate`: what becomes the event's detail. */
  inputTemplate: string;
}

/**
 * The PutEvents entry the pipe makes of one record. EventBridge accepts only a JSON object as an
 * event's detail, so anything else fails the record (the pipe retries it, then dead-letters it).
 */
export function busEntryOf(
  target: PipeBusTarget,
  record: unknown,
): { source: string; detailType: string; detail: Record<string, unknown> } {
  const text = renderInputTemplate(target.inputTemplate, record);
  let detail: unknown;
  try {
    detail = JSON.parse(text);
  } catch {
    throw new PipeTransformError('the detail is not JSON');
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail))
    throw new PipeTransformError('the detail is not a JSON object');
  return {
    source: targetParameter(target.source, record),
    detailType: targetParameter(target.detailType, record),
    detail: detail as Record<string, unknown>,
  };
}
