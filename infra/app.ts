import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/**
 * Builds the whole stack. cdk-nag's AwsSolutions pack runs in every synth, tests included: a new
 * finding fails `cdk synth` until it is fixed or acknowledged with a reason next to its construct.
 */
export function buildApp(
  app: App = new App(),
  projectRoot = resolve(process.cwd()),
): { app: App; stateful: StatefulStack; stateless: StatelessStack } {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'me-central-1' };
  const stateful = new StatefulStack(app, 'JudicialEServices-Stateful', {
    env,
    description: 'Judicial e-services: data (retained)',
    projectRoot,
  });
  const stateless = new StatelessStack(app, 'JudicialEServices-Api', {
    env,
    description: 'Judicial e-services: API and functions',
    table: stateful.table,
    idempotencyTable: stateful.idempotencyTable,
    userPool: stateful.userPool,
    webClient: stateful.webClient,
    projectRoot,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stateful, stateless };
}

if (process.argv[1]?.endsWith('app.ts')) {
  buildApp().app.synth();
}
