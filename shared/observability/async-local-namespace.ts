import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * cls-hooked's namespaces as the X-Ray SDK uses them, kept in Node's AsyncLocalStorage instead
 * of async hooks. The bundles' X-Ray SDK gets this module for `cls-hooked/context` (an alias in
 * infra/bundling.ts).
 *
 * Why: cls-hooked follows a context with an async hook, and once a namespace exists Node calls
 * that hook for every promise the process makes. The SDK client's first request makes thousands;
 * with the hook on, a bare client's first `GetItem` took 7–8 ms more here, and a function's first
 * call 9–13 ms (a tenth of its cold start; cold-only bench runs with and without, 2026-11-29).
 * Node 24's AsyncLocalStorage carries its store in the async context frame, with no hook at all.
 * The X-Ray SDK's maintainers proposed this very move, keeping cls-hooked's interface
 * (aws/aws-xray-sdk-node#338), but the SDK still requires cls-hooked.
 *
 * What the X-Ray SDK and Powertools' Tracer call, with cls-hooked's meaning:
 * - `enter`, outside any `run`: in Lambda the SDK enters one context at load and sets the facade
 *   segment in it, and the Tracer sets and resets the handler's subsegment there at each
 *   invocation. cls-hooked keeps that context active for everything after, later invocations
 *   included, so it is the namespace's root here, where a store set inside one invocation's
 *   async context would be lost to the next;
 * - `run`, `runAndReturn`, `runPromise` and `bind`: a context of their own for what they call,
 *   inheriting from the active one, followed through every await by AsyncLocalStorage;
 * - `get`, `set` (which throws with no context, as cls-hooked does), `createContext`, `exit`;
 *   `getNamespace`, `createNamespace`, `destroyNamespace`, `reset`.
 * `enter` and `exit` inside a `run` would change cls-hooked's active context but not this one's,
 * so they throw there rather than leave a trace under the wrong parent; nothing calls them so.
 * Event emitters are not bound (`bindEmitter`): only the SDK's Express middleware does that, and
 * no function bundles it. test/unit/async-local-namespace.test.ts holds these meanings, and
 * test/handlers/lambda-tracing.test.ts a cold and a warm invocation traced through this module.
 */
type Context = Record<string | symbol, unknown>;

export class Namespace {
  readonly #storage = new AsyncLocalStorage<Context>();
  /** The contexts entered outside `run`, the last one active: cls-hooked's stack of `enter`. */
  readonly #entered: Context[] = [];

  constructor(readonly name: string) {}

  get active(): Context | undefined {
    return this.#storage.getStore() ?? this.#entered.at(-1);
  }

  get(key: string | symbol): unknown {
    return this.active?.[key];
  }

  set<T>(key: string | symbol, value: T): T {
    const context = this.active;
    if (!context) throw new Error('No context available. ns.run() or ns.bind() must be called first.');
    context[key] = value;
    return value;
  }

  createContext(): Context {
    return Object.create(this.active ?? Object.prototype) as Context;
  }

  run(fn: (context: Context) => void): Context {
    const context = this.createContext();
    this.#storage.run(context, () => fn(context));
    return context;
  }

  runAndReturn<T>(fn: (context: Context) => T): T {
    const context = this.createContext();
    return this.#storage.run(context, () => fn(context));
  }

  runPromise<T>(fn: (context: Context) => Promise<T>): Promise<T> {
    const context = this.createContext();
    return this.#storage.run(context, () => {
      const promise = fn(context);
      if (typeof promise?.then !== 'function') throw new Error('fn must return a promise.');
      return promise;
    });
  }

  bind<A extends unknown[], R>(fn: (...args: A) => R, context?: Context): (...args: A) => R {
    const bound = context ?? this.active ?? this.createContext();
    const storage = this.#storage;
    return function (this: unknown, ...args: A): R {
      return storage.run(bound, () => fn.apply(this, args));
    };
  }

  enter(context: Context): void {
    if (!context) throw new Error('context must be provided for entering');
    this.#outsideRun('enter');
    this.#entered.push(context);
  }

  exit(context: Context): void {
    this.#outsideRun('exit');
    const index = this.#entered.lastIndexOf(context);
    if (index < 0) throw new Error("context not currently entered; can't exit");
    this.#entered.splice(index, 1);
  }

  #outsideRun(call: string): void {
    if (this.#storage.getStore())
      throw new Error(`${call} inside run is not supported: the run's context stays active`);
  }
}

const namespaces = new Map<string, Namespace>();

export function getNamespace(name: string): Namespace | undefined {
  return namespaces.get(name);
}

export function createNamespace(name: string): Namespace {
  if (!name) throw new Error('namespace must be given a name.');
  const namespace = new Namespace(name);
  namespaces.set(name, namespace);
  return namespace;
}

export function destroyNamespace(name: string): void {
  namespaces.delete(name);
}

export function reset(): void {
  namespaces.clear();
}
