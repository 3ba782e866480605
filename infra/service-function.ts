import { relative, resolve } from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { type DocumentAccess, type FunctionSpec, limitsOf, type TableGrant } from '../shared/routes';
import { DATA_TABLE } from '../shared/table-definition';
import { bundleFunctionSync } from './bundling';
import { nagObjectArn, powertoolsVariables } from './names';

/**
 * A function's code as it ships: infra/bundling.ts builds it (`bundleFunction`, code split, the
 * AWS SDK inside) in CDK's local bundling, so no Docker, and `npm run bench` and the tests build
 * exactly the same files (test/infra/shipped-bundle.test.ts compares them). CDK's NodejsFunction
 * cannot split code (it names one output file). Settings that are not esbuild's defaults, for the
 * cold start:
 * - the AWS SDK is bundled, tree-shaken, not the runtime's copy read from its many files;
 * - no source map: `--enable-source-maps` parses a function's 3 MB map at every cold start (60 to
 *   90 ms here, more than the tracer). A stack trace in the logs is of the minified bundle;
 *   esbuild's output is deterministic, so the same commit built with `npm run sourcemap` reads it.
 * The asset's hash is its output's: the same bundle, the same asset, whatever else changed.
 */
export function functionCode(projectRoot: string, functionId: string): Code {
  const entry = resolve(projectRoot, 'functions', `${functionId}.ts`);
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds (esbuild is a dependency), and CDK asks for
      // an image only when it does not.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24-slim'),
      // CDK reuses a bundle made with the same options (its cache key ignores tryBundle): the
      // entry goes into the options so that each function gets its own.
      command: ['bundle', relative(projectRoot, entry)],
      local: {
        tryBundle(outputDir) {
          bundleFunctionSync(projectRoot, entry, outputDir);
          return true;
        },
      },
    },
  });
}

export interface ServiceFunctionProps {
  spec: FunctionSpec;
  description: string;
  table: ITableV2;
  idempotencyTable: ITableV2;
  documentsBucket: IBucket;
  reportsBucket: IBucket;
  projectRoot: string;
  /** For functions that call the payment gateway (spec `paymentGateway`) or know the judiciary's terminal. */
  payments?: { gatewayUrl: string; judiciaryTerminalId: string; callbackUrl: string };
}

/**
 * One Lambda function with the settings every function shares: the newest Node.js runtime, arm64
 * (cheaper per ms), its own log group with a retention, a role of its own with nothing but its
 * log group and the data and document access its spec (route table entry) declares.
 */
export class ServiceFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: Role;
  /** The route table entry this function was built from (the local runtime maps roles back to it). */
  readonly spec: FunctionSpec;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const { spec: route } = props;
    this.spec = route;
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // A role of our own instead of the default one with the AWS managed basic-execution policy,
    // whose logs:* on every log group is broader than this function's one log group.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.role = role;
    logGroup.grantWrite(role);

    this.function = new LambdaFunction(this, 'Function', {
      code: functionCode(props.projectRoot, route.id),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: limitsOf(route).memoryMb,
      timeout: Duration.seconds(limitsOf(route).timeoutSeconds),
      role,
      logGroup,
      tracing: Tracing.ACTIVE,
      // The bench's cold starts and the tracing test run bundles with the same settings.
      environment: powertoolsVariables(route.id),
      description: props.description,
    });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, ' +
        'so CDK grants them on *; nothing else uses *.',
    });

    // The grant sits next to the variable that needs it: no table variable, no table access.
    if (route.table) {
      this.function.addEnvironment('TABLE_NAME', props.table.tableName);
      for (const grant of route.table) role.addToPrincipalPolicy(tableStatement(props.table, grant, route.id));
    }
    if (route.documents?.length) {
      this.function.addEnvironment('DOCUMENTS_BUCKET', props.documentsBucket.bucketName);
      grantDocumentAccess(role, props.documentsBucket, route.documents);
    }
    if (route.reports) {
      this.function.addEnvironment('REPORTS_BUCKET', props.reportsBucket.bucketName);
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [route.reports === 'read' ? 's3:GetObject' : 's3:PutObject'],
          resources: [props.reportsBucket.arnForObjects('monthly/*')],
        }),
      );
      if (route.reports === 'read') {
        // Without s3:ListBucket, S3 answers a GET of a missing key with 403 instead of 404
        // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html, Permissions), and
        // a closed month whose report was not stored yet is built live only after a 404.
        role.addToPrincipalPolicy(
          new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.reportsBucket.bucketArn] }),
        );
      }
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagObjectArn('reports', 'monthly')}]`,
        reason:
          'Report files are keyed by calendar and month (monthly/<J|G>/<yyyy-mm>/report.*), made at run time; the ' +
          'grant names that prefix only.',
      });
    }
    if (route.paymentGateway || route.judiciaryTerminal) {
      const { payments } = props;
      if (!payments) throw new Error(`${route.id}: needs the judiciary's terminal but got no payment settings`);
      // Payments pay court fees to it; the registry's writes refuse it as an office's terminal.
      this.function.addEnvironment('JUDICIARY_TERMINAL_ID', payments.judiciaryTerminalId);
      if (route.paymentGateway) {
        // Outbound HTTPS to the gateway needs no grant (the function is outside any VPC); what it
        // needs besides is where the gateway is and where payers come back to.
        this.function.addEnvironment('PAYMENT_GATEWAY_URL', payments.gatewayUrl);
        this.function.addEnvironment('PAYMENT_CALLBACK_URL', payments.callbackUrl);
      }
    }
    if (route.idempotent) {
      this.function.addEnvironment('IDEMPOTENCY_TABLE_NAME', props.idempotencyTable.tableName);
      role.addToPrincipalPolicy(
        new PolicyStatement({ actions: IDEMPOTENCY_ACTIONS, resources: [props.idempotencyTable.tableArn] }),
      );
    }
  }
}

/**
 * What submission does with its Idempotency-Key records (adapters/dynamo-submission-store.ts):
 * reads a record together with the petition (BatchGetItem) or alone after losing a race (GetItem),
 * and writes it inside the submission's transaction (PutItem with a condition). Records are never
 * updated or deleted: DynamoDB's TTL removes them.
 */
const IDEMPOTENCY_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem'];

/**
 * One statement per route table grant: its actions on the table or on the named indexes (no
 * `index/*`), with a `dynamodb:LeadingKeys` condition when the grant names key patterns.
 *
 * `ForAllValues:StringLike` is how AWS documents fine-grained access: every partition key the
 * request touches must match a pattern. But ForAllValues is also true when the request carries no
 * key at all (the empty set), so the statement adds `Null: false`, which requires the key to be
 * present. AWS: reference_policies_condition-single-vs-multi-valued-context-keys.html (IAM User
 * Guide) and specifying-conditions.html (DynamoDB Developer Guide).
 */
function tableStatement(table: ITableV2, grant: TableGrant, functionId: string): PolicyStatement {
  const indexNames = DATA_TABLE.globalSecondaryIndexes.map((index) => index.indexName);
  if (grant.indexes) {
    const unknown = grant.indexes.filter((name) => !indexNames.includes(name));
    if (unknown.length > 0 || grant.actions.some((a) => a !== 'Query'))
      throw new Error(`${functionId}: an index grant allows Query on known indexes only (${unknown.join(', ')})`);
  }
  return new PolicyStatement({
    actions: grant.actions.map((action) => `dynamodb:${action}`),
    resources: grant.indexes ? grant.indexes.map((name) => `${table.tableArn}/index/${name}`) : [table.tableArn],
    ...(grant.leadingKeys
      ? {
          conditions: {
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...grant.leadingKeys] },
            Null: { 'dynamodb:LeadingKeys': 'false' },
          },
        }
      : {}),
  });
}

/** Object actions per document access, on the narrowest key prefix that serves it. */
/**
 * Tags a grant may set, and only these: an upload is tagged `lifecycle=draft` or refused, and the
 * keeper can only mark a scan kept, never set it back to draft (which the lifecycle rule deletes).
 */
const onlyLifecycleTag = (value: 'draft' | 'kept') => ({
  StringEquals: { 's3:RequestObjectTag/lifecycle': value },
  'ForAllValues:StringEquals': { 's3:RequestObjectTagKeys': ['lifecycle'] },
});

const DOCUMENT_GRANTS: Record<
  DocumentAccess,
  Array<{ actions: string[]; prefix: 'petitions' | 'quarantine'; conditions?: Record<string, Record<string, unknown>> }>
> = {
  'presign-upload': [
    { actions: ['s3:PutObject', 's3:PutObjectTagging'], prefix: 'petitions', conditions: onlyLifecycleTag('draft') },
  ],
  'presign-download': [{ actions: ['s3:GetObject'], prefix: 'petitions' }],
  keep: [{ actions: ['s3:PutObjectTagging'], prefix: 'petitions', conditions: onlyLifecycleTag('kept') }],
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
      new PolicyStatement({
        actions: grant.actions,
        resources: [bucket.arnForObjects(`${grant.prefix}/*`)],
        ...(grant.conditions ? { conditions: grant.conditions } : {}),
      }),
    );
  }
  if (access.includes('verify')) {
    // Verification finds objects gone (a document removed meanwhile, a retry after the move to
    // quarantine) and must ignore them: without s3:ListBucket, S3 answers a GET of a missing key
    // with 403, which would throw, retry and dead-letter instead.
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
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
