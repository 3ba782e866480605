/**
 * A small evaluator of IAM identity policies: exactly the features this project's synthesized
 * templates use, each following the IAM User Guide, and nothing more. Anything else in a policy
 * (another condition operator, a condition key the local AWS edge does not fill in, a policy
 * variable, a principal element) is refused when the policy is compiled, so an unknown construct
 * can never be evaluated as if it were absent: the local runtime stops with a clear error instead.
 *
 * Why not a library: `pbac` (MIT, last release 0.3.2) evaluates only the first context key under a
 * condition operator, replaces a missing context key by the key's own name (so `Null` and the
 * empty-set rule of `ForAllValues` come out wrong) and compares actions case-sensitively;
 * `@cloud-copilot/iam-simulate` is AGPL.
 *
 * Rules implemented (IAM User Guide, https://docs.aws.amazon.com/IAM/latest/UserGuide/):
 * - An explicit Deny wins over any Allow; with no matching Allow the request is implicitly
 *   denied (reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html).
 * - Action / NotAction: `service:name`, case-insensitive, `*` and `?` wildcards
 *   (reference_policies_elements_action.html, reference_policies_elements_notaction.html).
 * - Resource / NotResource: ARNs with `*` and `?` wildcards, case-sensitive
 *   (reference_policies_elements_resource.html, reference_policies_elements_notresource.html).
 * - Condition: operators are ANDed, the keys under one operator are ANDed, the values of one key
 *   are ORed; a key missing from the request makes a condition false, except `Null` and
 *   `ForAllValues` (reference_policies_condition-logic-multiple-context-keys-or-values.html,
 *   reference_policies_elements_condition_operators.html).
 * - `ForAllValues:` is true when every value in the request matches some policy value, and also
 *   when the request has no value at all; `ForAnyValue:` needs at least one matching value
 *   (reference_policies_condition-single-vs-multi-valued-context-keys.html).
 * - Condition key names are case-insensitive, their values case-sensitive for String operators.
 */

export type Effect = 'Allow' | 'Deny';

export interface PolicyStatement {
  Sid?: string;
  Effect: Effect;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

/** What the edge knows about one authorization check: the action, the resource and the context keys. */
export interface AuthorizationRequest {
  action: string;
  resource: string;
  /** Context keys (lower-case names) with their values; single-valued keys have one value. */
  context: Readonly<Record<string, readonly string[]>>;
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

export class UnsupportedPolicyError extends Error {
  override name = 'UnsupportedPolicyError';
}

/** The condition keys the local edge puts in a request context; a policy naming another is refused. */
export const SUPPORTED_CONDITION_KEYS = new Set(['dynamodb:leadingkeys', 's3:requestobjecttagkeys']);
/** `s3:RequestObjectTag/<tag key>`: one condition key per tag a request sets (s3-rules.ts fills them in). */
const TAG_CONDITION_PREFIX = 's3:requestobjecttag/';

type MatchOperator = 'StringEquals' | 'StringLike';
type Qualifier = 'ForAllValues' | 'ForAnyValue' | undefined;

interface CompiledCondition {
  operator: MatchOperator | 'Null';
  qualifier: Qualifier;
  key: string;
  values: string[];
}

interface CompiledStatement {
  effect: Effect;
  actions: { patterns: RegExp[]; negated: boolean };
  resources: { patterns: RegExp[]; negated: boolean };
  conditions: CompiledCondition[];
}

export interface CompiledPolicy {
  statements: readonly CompiledStatement[];
}

const ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

/** `*` any run of characters, `?` exactly one; everything else literal. */
function wildcard(pattern: string, caseInsensitive: boolean): RegExp {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

function list(value: unknown, what: string): string[] {
  const values = Array.isArray(value) ? value : [value];
  if (values.some((v) => typeof v !== 'string'))
    throw new UnsupportedPolicyError(`${what} must be strings, got ${JSON.stringify(value)}`);
  return values as string[];
}

function noVariables(values: string[], what: string): void {
  const variable = values.find((v) => v.includes('${'));
  if (variable) throw new UnsupportedPolicyError(`policy variables are not supported locally: ${what} ${variable}`);
}

function compileConditions(condition: PolicyStatement['Condition']): CompiledCondition[] {
  const compiled: CompiledCondition[] = [];
  for (const [rawOperator, keys] of Object.entries(condition ?? {})) {
    const [first, second] = rawOperator.split(':');
    const qualifier = (second === undefined ? undefined : first) as Qualifier | string;
    const operator = second ?? first;
    if (qualifier !== undefined && qualifier !== 'ForAllValues' && qualifier !== 'ForAnyValue')
      throw new UnsupportedPolicyError(`unsupported condition set operator ${rawOperator}`);
    if (operator !== 'StringEquals' && operator !== 'StringLike' && operator !== 'Null')
      throw new UnsupportedPolicyError(`unsupported condition operator ${rawOperator}`);
    if (operator === 'Null' && qualifier)
      throw new UnsupportedPolicyError(`unsupported condition operator ${rawOperator}`);
    for (const [rawKey, rawValues] of Object.entries(keys ?? {})) {
      const key = rawKey.toLowerCase();
      if (!SUPPORTED_CONDITION_KEYS.has(key) && !key.startsWith(TAG_CONDITION_PREFIX))
        throw new UnsupportedPolicyError(`condition key ${rawKey} is not evaluated locally (under ${rawOperator})`);
      const values = (Array.isArray(rawValues) ? rawValues : [rawValues]).map((v) =>
        typeof v === 'boolean' ? String(v) : v,
      );
      const strings = list(values, `values of ${rawKey}`);
      noVariables(strings, rawKey);
      if (operator === 'Null' && strings.some((v) => v !== 'true' && v !== 'false'))
        throw new UnsupportedPolicyError(`Null takes true or false, got ${JSON.stringify(rawValues)}`);
      compiled.push({ operator, qualifier: qualifier as Qualifier, key, values: strings });
    }
  }
  return compiled;
}

/** Validates and compiles identity policy statements; throws UnsupportedPolicyError on anything unknown. */
export function compilePolicy(statements: readonly PolicyStatement[]): CompiledPolicy {
  return {
    statements: statements.map((statement) => {
      const unknown = Object.keys(statement).filter((element) => !ELEMENTS.has(element));
      if (unknown.length > 0) throw new UnsupportedPolicyError(`unsupported policy element(s): ${unknown.join(', ')}`);
      if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')
        throw new UnsupportedPolicyError(`Effect must be Allow or Deny, got ${JSON.stringify(statement.Effect)}`);
      if ((statement.Action === undefined) === (statement.NotAction === undefined))
        throw new UnsupportedPolicyError('a statement needs exactly one of Action and NotAction');
      if ((statement.Resource === undefined) === (statement.NotResource === undefined))
        throw new UnsupportedPolicyError('a statement needs exactly one of Resource and NotResource');
      const actions = list(statement.Action ?? statement.NotAction, 'actions');
      const resources = list(statement.Resource ?? statement.NotResource, 'resources');
      noVariables(resources, 'resource');
      return {
        effect: statement.Effect,
        actions: { patterns: actions.map((a) => wildcard(a, true)), negated: statement.Action === undefined },
        resources: { patterns: resources.map((r) => wildcard(r, false)), negated: statement.Resource === undefined },
        conditions: compileConditions(statement.Condition),
      };
    }),
  };
}

function valueMatches(operator: MatchOperator, policyValue: string, requestValue: string): boolean {
  return operator === 'StringEquals' ? policyValue === requestValue : wildcard(policyValue, false).test(requestValue);
}

function conditionHolds(condition: CompiledCondition, context: AuthorizationRequest['context']): boolean {
  const present = Object.entries(context).find(([key]) => key.toLowerCase() === condition.key)?.[1] ?? [];
  if (condition.operator === 'Null') return (present.length === 0) === (condition.values[0] === 'true');
  const { operator } = condition;
  const matchesAny = (value: string) => condition.values.some((p) => valueMatches(operator, p, value));
  if (condition.qualifier === 'ForAllValues') return present.every(matchesAny);
  if (condition.qualifier === 'ForAnyValue') return present.some(matchesAny);
  // A single-valued operator on a key the request lacks is false; on several values it is not
  // meaningful (AWS asks for a set operator), so it is refused rather than guessed.
  if (present.length > 1)
    throw new UnsupportedPolicyError(`${condition.operator} on ${condition.key}, which has several values here`);
  return present.length === 1 && matchesAny(present[0]!);
}

function applies(statement: CompiledStatement, request: AuthorizationRequest): boolean {
  const actionMatched = statement.actions.patterns.some((p) => p.test(request.action));
  if (actionMatched === statement.actions.negated) return false;
  const resourceMatched = statement.resources.patterns.some((p) => p.test(request.resource));
  if (resourceMatched === statement.resources.negated) return false;
  return statement.conditions.every((condition) => conditionHolds(condition, request.context));
}

/** Explicit deny first, then any allow, else the implicit deny. */
export function evaluate(policy: CompiledPolicy, request: AuthorizationRequest): Decision {
  const matching = policy.statements.filter((statement) => applies(statement, request));
  if (matching.some((s) => s.effect === 'Deny')) return 'explicit-deny';
  return matching.some((s) => s.effect === 'Allow') ? 'allow' : 'implicit-deny';
}
