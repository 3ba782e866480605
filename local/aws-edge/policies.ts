import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { RouteDefinition } from '../../shared/routes';
import { CfnResolver, physicalKey, type StackTemplate, UnresolvableError } from './cfn-resolver';
import { compilePolicy, type PolicyStatement } from './iam-evaluator';
import { OUTBOX_PIPE_PRINCIPAL } from './identity';

/**
 * Each function's IAM policy, read from the synthesized CloudFormation of the very CDK app that
 * deploys it, never restated by hand. Tables and buckets are placeholders (`{{dataTable}}`), so
 * one synthesis serves every run: `instantiatePolicies` fills in a run's names.
 */

/** The local "account": what pseudo parameters resolve to, and the account in every local ARN. */
export const LOCAL_ACCOUNT = '000000000000';

/** The local names of the stateful resources the functions are granted. */
export interface LocalNames {
  dataTable: string;
  idempotencyTable: string;
  documentsBucket: string;
  reportsBucket: string;
}

const PLACEHOLDERS: Record<keyof LocalNames, string> = {
  dataTable: '{{dataTable}}',
  idempotencyTable: '{{idempotencyTable}}',
  documentsBucket: '{{documentsBucket}}',
  reportsBucket: '{{reportsBucket}}',
};

export interface FunctionPolicy {
  /** The role's name as AWS would show it in an error (stack name and logical id). */
  roleName: string;
  statements: PolicyStatement[];
}

export interface PolicySet {
  account: string;
  region: string;
  /** By function id (the route table's `id`), and the outbox pipe's (`outbox-pipe`). */
  functions: Record<string, FunctionPolicy>;
}

/**
 * Builds the app with bundling off and without cdk-nag (both change nothing in the IAM policies),
 * synthesizes it and reads every service function's role policies from the templates.
 */
export async function synthesizePolicies(options: {
  projectRoot: string;
  region: string;
  routes?: readonly RouteDefinition[];
}): Promise<PolicySet> {
  const { App, Stack } = await import('aws-cdk-lib');
  const { buildApp } = await import('../../infra/app');
  const { ServiceFunction } = await import('../../infra/service-function');
  const { OutboxPipe } = await import('../../infra/event-backbone');
  const { app, stateful } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), options.projectRoot, {
    checks: false,
    ...(options.routes ? { routes: options.routes } : {}),
  });
  const assembly = app.synth();
  const stacks: StackTemplate[] = assembly.stacks.map((s) => ({ stackName: s.stackName, template: s.template }));
  const statefulTemplate = stacks.find((s) => s.stackName === stateful.stackName)!;
  const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
    stateful.resolve(stateful.getLogicalId(construct.node.defaultChild as never)) as string;

  const mapped: Record<keyof LocalNames, string> = {
    dataTable: logicalId(stateful.table),
    idempotencyTable: logicalId(stateful.idempotencyTable),
    documentsBucket: logicalId(stateful.documentsBucket),
    reportsBucket: logicalId(stateful.reportsBucket),
  };
  const names = new Map<string, string>();
  for (const [name, id] of Object.entries(mapped))
    names.set(physicalKey(stateful.stackName, id), PLACEHOLDERS[name as keyof LocalNames]);
  const local = { account: LOCAL_ACCOUNT, region: options.region };
  const resolver = new CfnResolver(stacks, local, names);

  // Buckets named in code (`jeso-documents-<account>-<region>`) are granted by that name, not by
  // reference: their resolved names are mapped to the same placeholders.
  const bucketAliases = new Map<string, string>();
  for (const key of ['documentsBucket', 'reportsBucket'] as const) {
    const bucketName = statefulTemplate.template.Resources?.[mapped[key]]?.Properties?.BucketName;
    if (bucketName !== undefined)
      bucketAliases.set(resolver.resolveString(statefulTemplate, bucketName, key), PLACEHOLDERS[key]);
  }
  const alias = (text: string) => {
    let out = text;
    for (const [cloudName, placeholder] of bucketAliases)
      out = out.replace(new RegExp(`^arn:aws:s3:::${escapeRegExp(cloudName)}(?=/|$)`), `arn:aws:s3:::${placeholder}`);
    return out;
  };

  const functions: Record<string, FunctionPolicy> = {};
  // Every role the local runtime signs as: each service function's, and the outbox pipe's (its
  // stream reads go through the edge as the pipe's own reads would reach DynamoDB).
  const principals = app.node
    .findAll()
    .flatMap(
      (construct): Array<{ id: string; role: Role; construct: Construct }> =>
        construct instanceof ServiceFunction
          ? [{ id: construct.spec.id, role: construct.role, construct }]
          : construct instanceof OutboxPipe
            ? [{ id: OUTBOX_PIPE_PRINCIPAL, role: construct.role, construct }]
            : [],
    );
  for (const { id, role: principalRole, construct } of principals) {
    const stack = Stack.of(construct);
    const template = stacks.find((s) => s.stackName === stack.stackName)!;
    const roleId = stack.resolve(stack.getLogicalId(principalRole.node.defaultChild as never)) as string;
    const roleName = resolver.resolveString(template, { Ref: roleId }, `role of ${id}`);
    const role = template.template.Resources?.[roleId]?.Properties ?? {};
    if ((role.ManagedPolicyArns as unknown[] | undefined)?.length || role.PermissionsBoundary)
      throw new UnresolvableError(`${id}: managed policies and boundaries are not evaluated locally`);
    const documents: unknown[] = ((role.Policies as Array<{ PolicyDocument: unknown }> | undefined) ?? []).map(
      (p) => p.PolicyDocument,
    );
    for (const candidate of stacks) {
      for (const resource of Object.values(candidate.template.Resources ?? {})) {
        if (resource.Type !== 'AWS::IAM::Policy') continue;
        const roles = resolver.resolve(candidate, resource.Properties?.Roles ?? []) as unknown[];
        if (roles.includes(roleName)) documents.push(resource.Properties?.PolicyDocument);
      }
    }
    const statements = documents.flatMap((document) => {
      const resolved = resolver.resolve(template, document) as { Statement: PolicyStatement[] };
      return resolved.Statement.map((statement) => mapResources(statement, alias));
    });
    assertMapped(id, statements);
    // A construct the local evaluator does not support stops the local runtime here, at start,
    // naming the function, rather than at that function's first call.
    try {
      compilePolicy(statements);
    } catch (error) {
      throw new UnresolvableError(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
    functions[id] = { roleName, statements };
  }
  return { ...local, functions };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mapResources(statement: PolicyStatement, alias: (text: string) => string): PolicyStatement {
  const map = (value: string | string[] | undefined) =>
    value === undefined ? undefined : Array.isArray(value) ? value.map(alias) : alias(value);
  const resource = map(statement.Resource);
  const notResource = map(statement.NotResource);
  return {
    ...statement,
    ...(resource !== undefined ? { Resource: resource } : {}),
    ...(notResource !== undefined ? { NotResource: notResource } : {}),
  };
}

/** A DynamoDB or S3 grant on a resource the local runtime does not map would silently never match. */
function assertMapped(functionId: string, statements: readonly PolicyStatement[]): void {
  for (const statement of statements) {
    const actions = [statement.Action ?? statement.NotAction ?? []].flat();
    if (!actions.some((a) => /^(dynamodb|s3):/i.test(a))) continue;
    const resources = [statement.Resource ?? statement.NotResource ?? []].flat();
    const unmapped = resources.filter((r) => r !== '*' && !r.includes('{{'));
    if (unmapped.length > 0)
      throw new UnresolvableError(
        `${functionId} is granted ${actions.join(', ')} on ${unmapped.join(', ')}, which the local runtime does not ` +
          'map to a local table or bucket: add it to LocalNames (local/aws-edge/policies.ts)',
      );
  }
}

/** The policies with a run's table and bucket names in place of the placeholders. */
export function instantiatePolicies(set: PolicySet, names: LocalNames): PolicySet {
  let text = JSON.stringify(set);
  for (const [key, placeholder] of Object.entries(PLACEHOLDERS))
    text = text.split(placeholder).join(names[key as keyof LocalNames]);
  return JSON.parse(text) as PolicySet;
}

/**
 * What shapes the policies: every project file the CDK app imports (followed from infra/app.ts),
 * this extractor, and the lock file (the CDK version). Any change gives another key.
 */
export function policyInputsHash(projectRoot: string): string {
  const seen = new Set<string>();
  const pending = ['infra/app.ts', 'local/aws-edge/policies.ts', 'local/aws-edge/cfn-resolver.ts'].map((file) =>
    resolve(projectRoot, file),
  );
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = resolve(dirname(file), specifier!);
      const target = [`${base}.ts`, base, resolve(base, 'index.ts')].find((c) => existsSync(c) && c.endsWith('.ts'));
      if (target) pending.push(target);
    }
  }
  const hash = createHash('sha256');
  for (const file of [...seen].sort()) hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file));
  hash.update(readFileSync(resolve(projectRoot, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The policies for `npm start`: from the cache file when the inputs are unchanged, else
 * synthesized (a few seconds) and cached.
 */
export async function cachedPolicies(options: {
  projectRoot: string;
  region: string;
  cacheFile: string;
}): Promise<{ policies: PolicySet; synthesizedIn?: number }> {
  const key = `${policyInputsHash(options.projectRoot)}:${options.region}`;
  if (existsSync(options.cacheFile)) {
    const cached = JSON.parse(readFileSync(options.cacheFile, 'utf8')) as { key: string; policies: PolicySet };
    if (cached.key === key) return { policies: cached.policies };
  }
  const started = Date.now();
  const policies = await synthesizePolicies(options);
  mkdirSync(dirname(options.cacheFile), { recursive: true });
  writeFileSync(options.cacheFile, JSON.stringify({ key, policies }));
  return { policies, synthesizedIn: Date.now() - started };
}
