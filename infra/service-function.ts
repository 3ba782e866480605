import { resolve } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { DocumentAccess, FunctionSpec, TableAccess } from '../shared/routes';
import { DATA_TABLE } from '../shared/table-definition';
import { ESM_REQUIRE_SHIM, LAMBDA_NODE_TARGET } from './bundling';
import { METRICS_NAMESPACE, nagObjectArn } from './names';

export interface ServiceFunctionProps {
  spec: FunctionSpec;
  description: string;
  table: ITableV2;
  idempotencyTable: ITableV2;
  documentsBucket: IBucket;
  reportsBucket: IBucket;
  projectRoot: string;
}

/**
 * One Lambda function with the settings every function shares: the newest Node.js runtime, arm64
 * (cheaper per ms), its own log group with a retention, a role of its own with nothing but its
 * log group and the data and document access its spec (route table entry) declares.
 */
export class ServiceFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const { spec: route } = props;
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // A role of our own instead of the default one with the AWS managed basic-execution policy,
    // whose logs:* on every log group is broader than this function's one log group.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.role = role;
    logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: resolve(props.projectRoot, 'functions', `${route.id}.ts`),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      tracing: Tracing.ACTIVE,
      environment: {
        POWERTOOLS_SERVICE_NAME: `judicial-e-services-${route.id}`,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: LAMBDA_NODE_TARGET,
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_SHIM,
        // esbuild's per-bundle size summary is noise in `cdk synth -q`; errors still print.
        logLevel: LogLevel.ERROR,
      },
      description: props.description,
    });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, ' +
        'so CDK grants them on *; nothing else uses *.',
    });

    // The grant sits next to the variable that needs it: no table variable, no table access.
    if (route.table !== 'none') {
      this.function.addEnvironment('TABLE_NAME', props.table.tableName);
      grantTableAccess(role, props.table, route.table);
    }
    if (route.documents?.length) {
      this.function.addEnvironment('DOCUMENTS_BUCKET', props.documentsBucket.bucketName);
      grantDocumentAccess(role, props.documentsBucket, route.documents);
    }
    if (route.reports) {
      this.function.addEnvironment('REPORTS_BUCKET', props.reportsBucket.bucketName);
      const actions = route.reports === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject'];
      role.addToPrincipalPolicy(
        new PolicyStatement({ actions, resources: [props.reportsBucket.arnForObjects('monthly/*')] }),
      );
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagObjectArn('reports', 'monthly')}]`,
        reason:
          'Report files are keyed by calendar and month (monthly/<J|G>/<yyyy-mm>/report.*), made at run time; the ' +
          'grant names that prefix only.',
      });
    }
    if (route.idempotent) {
      this.function.addEnvironment('IDEMPOTENCY_TABLE_NAME', props.idempotencyTable.tableName);
      role.addToPrincipalPolicy(
        new PolicyStatement({
          // Read with the petition (BatchGetItem) or alone (GetItem), written in the submission's transaction.
          actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem'],
          resources: [props.idempotencyTable.tableArn],
        }),
      );
    }
  }
}

const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * Narrower than `table.grantReadData`: no Scan, and the indexes by name instead of `index/*`, so
 * the policy holds no wildcard at all.
 */
function grantTableAccess(role: IRole, table: ITableV2, access: Exclude<TableAccess, 'none'>): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: access === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS],
      resources: [table.tableArn],
    }),
  );
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: DATA_TABLE.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
    }),
  );
}

/** Object actions per document access, on the narrowest key prefix that serves it. */
const DOCUMENT_GRANTS: Record<DocumentAccess, Array<{ actions: string[]; prefix: 'petitions' | 'quarantine' }>> = {
  'presign-upload': [{ actions: ['s3:PutObject', 's3:PutObjectTagging'], prefix: 'petitions' }],
  'presign-download': [{ actions: ['s3:GetObject'], prefix: 'petitions' }],
  keep: [{ actions: ['s3:PutObjectTagging'], prefix: 'petitions' }],
  remove: [{ actions: ['s3:DeleteObject'], prefix: 'petitions' }],
  verify: [
    { actions: ['s3:GetObject', 's3:GetObjectTagging', 's3:DeleteObject'], prefix: 'petitions' },
    { actions: ['s3:PutObject', 's3:PutObjectTagging'], prefix: 'quarantine' },
  ],
};

function grantDocumentAccess(role: Role, bucket: IBucket, access: readonly DocumentAccess[]): void {
  const grants = access.flatMap((a) => DOCUMENT_GRANTS[a]);
  for (const grant of grants) {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: grant.actions, resources: [bucket.arnForObjects(`${grant.prefix}/*`)] }),
    );
  }
  for (const prefix of new Set(grants.map((g) => g.prefix))) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagObjectArn('documents', prefix)}]`,
      reason:
        `Document object keys (${prefix}/<petitionId>/<documentId>) are made at run time, so the grant names ` +
        `the key prefix; it reaches no other prefix or bucket.`,
    });
  }
}
