import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { RouteDefinition } from '../shared/routes';
import { type DeploymentSettings, deploymentSettings } from './deployment-settings';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface BuildOptions {
  /** Another route table (tests only). */
  routes?: readonly RouteDefinition[];
  /**
   * cdk-nag's checks; on unless turned off. The local runtime reads policies from a synth without
   * them: they validate and never change the template, and skipping them saves seconds.
   */
  checks?: boolean;
}

/**
 * Builds the whole stack. cdk-nag's AwsSolutions pack runs in every synth, tests included: a new
 * finding fails `cdk synth` until it is fixed or acknowledged with a reason next to its construct.
 */
export function buildApp(
  app: App = new App(),
  projectRoot = resolve(process.cwd()),
  options: BuildOptions = {},
): { app: App; stateful: StatefulStack; stateless: StatelessStack; settings: DeploymentSettings } {
  const settings = deploymentSettings((key) => app.node.tryGetContext(key));
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: settings.region };
  const stateful = new StatefulStack(app, 'JudicialEServices-Stateful', {
    env,
    description: 'Judicial e-services: data (retained)',
    projectRoot,
    settings,
  });
  const stateless = new StatelessStack(app, 'JudicialEServices-Api', {
    env,
    description: 'Judicial e-services: API and functions',
    table: stateful.table,
    idempotencyTable: stateful.idempotencyTable,
    userPool: stateful.userPool,
    webClient: stateful.webClient,
    projectRoot,
    settings,
    ...(options.routes ? { routes: options.routes } : {}),
  });
  if (options.checks !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stateful, stateless, settings };
}

/**
 * CDK writes "Bundling asset <path>..." to stderr for every function, whatever the CLI's `-q`;
 * twenty such lines bury what matters. Set CDK_BUNDLING_PROGRESS=1 to see them.
 */
function quietBundlingProgress(): void {
  if (process.env.CDK_BUNDLING_PROGRESS === '1') return;
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    typeof chunk === 'string' && chunk.startsWith('Bundling asset ')
      ? true
      : write(chunk, ...rest)) as typeof process.stderr.write;
}

if (process.argv[1]?.endsWith('app.ts')) {
  quietBundlingProgress();
  buildApp().app.synth();
}
