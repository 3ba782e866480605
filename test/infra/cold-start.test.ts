import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app';
import { bundleFunction } from '../../infra/bundling';
import { AUTH_FUNCTIONS, EVENT_FUNCTIONS, ROUTES, routeKey } from '../../shared/routes';

/**
 * Every function loads with exactly the environment its CDK construct gives it: a function that
 * reads a variable its spec does not grant fails here, not at its first cold start in AWS.
 */
const { app, stateful, stateless } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), process.cwd());
app.synth();
const functions = [stateful, stateless].flatMap((stack) =>
  Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function')),
) as Array<{
  Properties: { Description: string; Environment?: { Variables?: Record<string, unknown> } };
}>;
const workDir = mkdtempSync(join(tmpdir(), 'jeso-cold-start-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const specs = [
  ...ROUTES.map((r) => ({ id: r.id, description: routeKey(r) })),
  ...[...EVENT_FUNCTIONS, ...AUTH_FUNCTIONS].map((f) => ({ id: f.id, description: f.summary })),
];

/** A placeholder of the variable's shape: URLs are URLs, the terminal is digits, the rest a valid bucket-like name. */
const placeholder = (name: string) =>
  name.endsWith('_URL')
    ? `https://placeholder.example/${name.toLowerCase()}`
    : name.endsWith('TERMINAL_ID')
      ? '00000000'
      : `placeholder-${name.toLowerCase().replaceAll('_', '-')}`;

it.each(specs)('$id loads with only the variables its function is given', async ({ id, description }) => {
  const fn = functions.find((f) => f.Properties.Description === description);
  const names = Object.keys(fn?.Properties.Environment?.Variables ?? {});
  const { entry } = await bundleFunction(resolve('functions', `${id}.ts`), join(workDir, id));
  // Lambda itself sets AWS_REGION; the construct's variables get placeholder values.
  const env = {
    PATH: process.env.PATH,
    AWS_REGION: 'me-central-1',
    ...Object.fromEntries(names.map((n) => [n, placeholder(n)])),
  };

  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(entry)});`], {
    env,
    encoding: 'utf8',
  });

  expect(fn).toBeDefined();
  expect(/^Error: Configuration error: .*$/m.exec(run.stderr)?.[0] ?? null).toBeNull();
  expect(run.status).toBe(0);
});
