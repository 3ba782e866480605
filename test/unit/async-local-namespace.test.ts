import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createNamespace,
  destroyNamespace,
  getNamespace,
  Namespace,
} from '../../shared/observability/async-local-namespace';

/**
 * The X-Ray SDK's context store in AsyncLocalStorage (shared/observability/async-local-namespace.ts)
 * keeps cls-hooked's meanings for what the SDK and the Tracer call. That traces still come out
 * right from a built function, cold and warm, test/handlers/lambda-tracing.test.ts shows.
 */
const SEGMENT = 'segment';

it('keeps a context entered outside run active for work that began before it, as a warm invocation does', async () => {
  // Prepare: the runtime's next invocation is awaited before the SDK loads and enters its context.
  const namespace = new Namespace('entered');
  const nextInvocation = sleep(1).then(() => namespace.get(SEGMENT));

  // Act
  namespace.enter(namespace.createContext());
  namespace.set(SEGMENT, 'handler subsegment');

  // Assess
  await expect(nextInvocation).resolves.toBe('handler subsegment');
});

it('gives run a context of its own that inherits, follows its awaits, and leaves the entered one as it was', async () => {
  // Prepare
  const namespace = new Namespace('run');
  namespace.enter(namespace.createContext());
  namespace.set(SEGMENT, 'facade');
  namespace.set('service', 'petitions');
  let seenAfterAwait: unknown;
  let inherited: unknown;

  // Act
  const inner = namespace.run(() => {
    namespace.set(SEGMENT, 'captured function');
    inherited = namespace.get('service');
    void sleep(1).then(() => {
      seenAfterAwait = namespace.get(SEGMENT);
    });
  });
  await sleep(5);

  // Assess
  expect(inherited).toBe('petitions');
  expect(seenAfterAwait).toBe('captured function');
  expect(inner[SEGMENT]).toBe('captured function');
  expect(namespace.get(SEGMENT)).toBe('facade');
});

it('refuses set with no context, as cls-hooked does, and reads nothing', () => {
  const namespace = new Namespace('empty');

  expect(namespace.get(SEGMENT)).toBeUndefined();
  expect(() => namespace.set(SEGMENT, 'lost')).toThrow('No context available');
});

it('runs a bound function in the context it was bound in, wherever it is called from', () => {
  // Prepare
  const namespace = new Namespace('bind');
  const bound = namespace.runAndReturn(() => {
    namespace.set(SEGMENT, 'promise subsegment');
    return namespace.bind(() => namespace.get(SEGMENT));
  });

  // Act
  const seen = bound();

  // Assess
  expect(seen).toBe('promise subsegment');
  expect(namespace.active).toBeUndefined();
});

it('resolves runPromise within its context and refuses a function that returns no promise', async () => {
  const namespace = new Namespace('promise');

  await expect(
    namespace.runPromise(async () => {
      namespace.set(SEGMENT, 'async');
      await sleep(1);
      return namespace.get(SEGMENT);
    }),
  ).resolves.toBe('async');
  expect(() => namespace.runPromise((() => 'not a promise') as never)).toThrow('fn must return a promise');
});

it('falls back to the context entered before when the last one exits, and refuses one never entered', () => {
  // Prepare
  const namespace = new Namespace('exit');
  const first = namespace.createContext();
  const second = namespace.createContext();
  namespace.enter(first);
  namespace.enter(second);

  // Act
  namespace.exit(second);

  // Assess
  expect(namespace.active).toBe(first);
  expect(() => namespace.exit(second)).toThrow('not currently entered');
});

it('refuses enter and exit inside run, where the run’s context would stay active', () => {
  const namespace = new Namespace('nested');
  const context = namespace.createContext();

  namespace.run(() => {
    expect(() => namespace.enter(context)).toThrow('enter inside run');
    expect(() => namespace.exit(context)).toThrow('exit inside run');
  });
});

it('finds a namespace by name until it is destroyed, as the SDK does when it leaves automatic mode', () => {
  const made = createNamespace('AWSXRay-test');

  expect(getNamespace('AWSXRay-test')).toBe(made);
  destroyNamespace('AWSXRay-test');
  expect(getNamespace('AWSXRay-test')).toBeUndefined();
});

it('implements every namespace member and function the X-Ray SDK and the Tracer call', () => {
  // Prepare: their sources, as the bundles take them.
  const sourcesOf = (directory: string) =>
    readdirSync(directory, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  const sources = [
    ...sourcesOf(join(dirname(require.resolve('aws-xray-sdk-core/package.json')), 'dist', 'lib')),
    // The package exports no package.json; its CommonJS entry sits beside the ES modules bundled.
    ...sourcesOf(join(dirname(require.resolve('@aws-lambda-powertools/tracer')), '..', 'esm')),
  ];

  // Act
  const calls = (pattern: RegExp) =>
    new Set(sources.flatMap((source) => [...source.matchAll(pattern)].map((m) => m[1])));
  const members = calls(/(?:\b(?:session|ns|namespace)|getNamespace\([^)]*\))\.(\w+)\(/g);
  const functions = calls(/\bcls\.(\w+)/g);

  // Assess: no member the module leaves out (bindEmitter, fromException) is called.
  const implemented = Object.getOwnPropertyNames(Namespace.prototype);
  expect([...members].filter((member) => !implemented.includes(member ?? ''))).toEqual([]);
  expect([...members]).toEqual(expect.arrayContaining(['run', 'bind', 'enter', 'createContext', 'get', 'set']));
  expect([...functions].sort()).toEqual(['createNamespace', 'destroyNamespace', 'getNamespace']);
});
