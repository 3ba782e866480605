import { CfnOutput, Duration, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { type CfnFunction, EventInvokeConfig, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { EVENT_FUNCTIONS, ROUTES, type RouteDefinition, routeKey } from '../shared/routes';
import { route as paymentCallback } from '../shared/routes/payment-callback';
import { API_CORS, type DeploymentSettings } from './deployment-settings';
import { EventBackbone } from './event-backbone';
import { DOCUMENTS_BUCKET_NAME, REPORTS_BUCKET_NAME } from './names';
import { Operations } from './operations';
import { ServiceFunction, type ServiceFunctionProps } from './service-function';

/** Where the payment gateway sends payers back (the public callback route). */
const CALLBACK_PATH = paymentCallback.path;

export interface StatelessStackProps extends StackProps {
  table: ITableV2;
  idempotencyTable: ITableV2;
  userPool: IUserPool;
  webClient: IUserPoolClient;
  projectRoot: string;
  settings: DeploymentSettings;
  /** The route table; only tests pass another (one with a grant removed, to see the local runtime refuse it). */
  routes?: readonly RouteDefinition[];
}

/**
 * What can be replaced at every deployment: the HTTP API and one function per entry of the route
 * table. Staff routes sit behind the Cognito JWT authorizer; roles are checked in the handler
 * from the token's cognito:groups against the same route table.
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly deadLetterQueue: Queue;
  private reportDeadLetters!: Queue;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    this.deadLetterQueue = new Queue(this, 'VerificationDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue; messages parked here are replayed by an operator (README runbook).',
    });

    const authorizer = new HttpJwtAuthorizer(
      'Cognito',
      `https://cognito-idp.${this.region}.amazonaws.com/${props.userPool.userPoolId}`,
      {
        jwtAudience: [props.webClient.userPoolClientId],
        identitySource: ['$request.header.Authorization'],
      },
    );

    this.api = new HttpApi(this, 'Api', {
      apiName: 'judicial-e-services',
      createDefaultStage: false,
      description: 'Judicial Electronic Services Offices API v1',
      // API Gateway answers preflights itself, before the authorizer and any function.
      corsPreflight: {
        allowOrigins: props.settings.allowedOrigins,
        allowMethods: [...API_CORS.allowMethods.map((method) => CorsHttpMethod[method]), CorsHttpMethod.OPTIONS],
        allowHeaders: API_CORS.allowHeaders,
        exposeHeaders: API_CORS.exposeHeaders,
        maxAge: Duration.seconds(API_CORS.maxAgeSeconds),
        // Bearer tokens, never cookies: credentials mode stays off.
        allowCredentials: false,
      },
    });

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 500, burstLimit: 1000 },
      // Request metadata only: paths may carry tracking codes but never national IDs (those travel
      // in query strings, which are not logged).
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
            responseLatency: '$context.responseLatency',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const common = {
      payments: {
        gatewayUrl: props.settings.paymentGatewayUrl,
        judiciaryTerminalId: props.settings.judiciaryTerminalId,
        callbackUrl: `${props.settings.publicApiUrl ?? this.api.apiEndpoint}${CALLBACK_PATH}`,
      },
      table: props.table,
      idempotencyTable: props.idempotencyTable,
      documentsBucket: Bucket.fromBucketName(this, 'DocumentsBucket', DOCUMENTS_BUCKET_NAME),
      reportsBucket: Bucket.fromBucketName(this, 'ReportsBucket', REPORTS_BUCKET_NAME),
      projectRoot: props.projectRoot,
    };
    const routes = props.routes ?? ROUTES;
    const functions: IFunction[] = [];
    const routeFunctions = new Map<string, ServiceFunction>();
    for (const route of routes) {
      const serviceFunction = new ServiceFunction(this, `Fn-${route.id}`, {
        ...common,
        spec: route,
        description: routeKey(route),
      });
      routeFunctions.set(route.id, serviceFunction);
      const fn = serviceFunction.function;
      const [created] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`Integration-${route.id}`, fn),
        authorizer: route.auth === 'public' ? new HttpNoneAuthorizer() : authorizer,
      });
      functions.push(fn);
      if (route.auth === 'public' && created) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            `${route.method} ${route.path} is public by design (DESIGN.md section 5): it carries no personal ` +
            `data or answers only with the caller's own proof.`,
        });
      }
    }

    // Public routes get a stricter limit than the stage's: they are the ones open to guessing.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of routes) {
      if (route.throttle)
        routeSettings[routeKey(route)] = {
          ThrottlingRateLimit: route.throttle.rateLimit,
          ThrottlingBurstLimit: route.throttle.burstLimit,
        };
    }
    (stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);

    functions.push(
      this.verifyDocumentsOnArrival(common),
      this.scheduleMonthlyReports(common),
      this.scheduleCureLapses(common),
    );
    const deliveryReports = routeFunctions.get('sms-delivery-reports');
    if (!deliveryReports) throw new Error('no sms-delivery-reports route (shared/routes/index.ts)');
    const events = new EventBackbone(this, 'PetitionEvents', {
      common,
      table: props.table,
      settings: props.settings,
      deliveryReports,
    });
    functions.push(...events.functions);
    new Operations(this, 'Operations', {
      api: this.api,
      functions,
      deadLetterQueues: [this.deadLetterQueue, this.reportDeadLetters, ...events.deadLetterQueues],
      tableNames: [props.table.tableName, props.idempotencyTable.tableName],
    });

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.apiEndpoint,
      description: 'Base URL of the API (paths start /v1)',
    });
  }

  /**
   * S3 sends "Object Created" for document keys to EventBridge; the rule invokes the verification
   * function asynchronously. Lambda retries a failed verification twice, EventBridge retries
   * delivery, and whatever still fails lands in the dead-letter queue instead of being lost.
   */
  private verifyDocumentsOnArrival(common: Omit<ServiceFunctionProps, 'spec' | 'description'>): IFunction {
    const spec = EVENT_FUNCTIONS.find((f) => f.id === 'verify-document')!;
    const { function: fn } = new ServiceFunction(this, `Fn-${spec.id}`, { ...common, spec, description: spec.summary });
    new EventInvokeConfig(this, `Retries-${spec.id}`, {
      function: fn,
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
    new Rule(this, `Arrivals-${spec.id}`, {
      description: 'Document objects created under petitions/',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [common.documentsBucket.bucketName] }, object: { key: [{ prefix: 'petitions/' }] } },
      },
      targets: [
        new LambdaFunction(fn, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 8,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
    return fn;
  }

  /**
   * Every day at 00:30 Tehran time, the job produces any closed month's report that is missing.
   * The scheduler retries a failed run and then dead-letters it; an alarm watches the queue.
   */
  private scheduleMonthlyReports(common: Omit<ServiceFunctionProps, 'spec' | 'description'>): IFunction {
    const spec = EVENT_FUNCTIONS.find((f) => f.id === 'monthly-report-job')!;
    const { function: fn } = new ServiceFunction(this, `Fn-${spec.id}`, { ...common, spec, description: spec.summary });
    const deadLetters = new Queue(this, 'ReportJobDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.reportDeadLetters = deadLetters;
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the monthly report schedule.',
    });
    // The scheduler's role may invoke the function and its versions (`<arn>:*`), nothing else.
    const logicalId = this.resolve(this.getLogicalId(fn.node.defaultChild as CfnFunction)) as string;
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason:
        'The scheduler target role CDK makes may invoke the report job function and its versions; that function only.',
    });
    new Schedule(this, 'MonthlyReportsDaily', {
      description: 'Produce missing monthly reports after Tehran midnight',
      schedule: ScheduleExpression.cron({ minute: '30', hour: '0', timeZone: TimeZone.ASIA_TEHRAN }),
      target: new LambdaInvoke(fn, { retryAttempts: 3, maxEventAge: Duration.hours(2), deadLetterQueue: deadLetters }),
    });
    return fn;
  }

  /**
   * Every day at 00:10 Tehran time (Asia/Tehran, so the run follows Tehran's midnight whatever
   * the offset), the lapse job moves returned petitions whose cure period has ended. A run that
   * fails is retried; each petition moves once however often or concurrently the job runs.
   */
  private scheduleCureLapses(common: Omit<ServiceFunctionProps, 'spec' | 'description'>): IFunction {
    const spec = EVENT_FUNCTIONS.find((f) => f.id === 'cure-lapse-job')!;
    const { function: fn } = new ServiceFunction(this, `Fn-${spec.id}`, { ...common, spec, description: spec.summary });
    const deadLetters = new Queue(this, 'CureLapseDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the cure lapse schedule.',
    });
    const logicalId = this.resolve(this.getLogicalId(fn.node.defaultChild as CfnFunction)) as string;
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason:
        'The scheduler target role CDK makes may invoke the cure lapse function and its versions; that function only.',
    });
    new Schedule(this, 'CureLapsesDaily', {
      description: 'Move returned petitions whose cure period ended to rejection-due, after Tehran midnight',
      schedule: ScheduleExpression.cron({ minute: '10', hour: '0', timeZone: TimeZone.ASIA_TEHRAN }),
      target: new LambdaInvoke(fn, { retryAttempts: 3, maxEventAge: Duration.hours(2), deadLetterQueue: deadLetters }),
    });
    return fn;
  }
}
