import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type EventPattern as CdkEventPattern, type CfnEventBus, EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { AnyPrincipal, Effect, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, EventInvokeConfig, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { OUTBOX_PIPE } from '../shared/adapters/dynamo-outbox';
import { BUS_RULES, PETITION_EVENT_BUS_NAME } from '../shared/events/bus';
import type { EventPattern } from '../shared/events/event-pattern';
import { EVENT_FUNCTIONS } from '../shared/routes';
import type { DeploymentSettings } from './deployment-settings';
import { ServiceFunction, type ServiceFunctionProps } from './service-function';

/**
 * The shared patterns are written with the bus's field names (`detail-type`); CDK's EventPattern
 * spells the top-level ones in camelCase and writes them back as the bus's, so only those map.
 */
export function cdkEventPattern(pattern: EventPattern): CdkEventPattern {
  const { 'detail-type': detailType, ...rest } = pattern as Record<string, unknown>;
  return { ...rest, ...(detailType ? { detailType } : {}) } as CdkEventPattern;
}

const deadLetterQueue = (scope: Construct, id: string, reason: string): Queue => {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason });
  return queue;
};

/**
 * The pipe from the data table's stream to the bus: new outbox items only (OUTBOX_PIPE.filter),
 * each turned into a clean event (source `jeso.petitions`, detail-type `petition.<type>`, the event
 * as detail). Its role reads that one stream, sends failed batches' details to its dead-letter
 * queue and puts events on that one bus; nothing else, and the bus lets no one else put events.
 */
export class OutboxPipe extends Construct {
  readonly role: Role;
  readonly deadLetters: Queue;
  readonly pipe: CfnPipe;

  constructor(scope: Construct, id: string, props: { table: ITableV2; bus: EventBus }) {
    super(scope, id);
    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error('the data table has no stream (shared/table-definition.ts: stream)');
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('pipes.amazonaws.com', {
        // Only pipes of this account may assume it (the confused-deputy guard).
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    });
    // What EventBridge Pipes needs of a DynamoDB stream source (eb-pipes-permissions.html), on this stream only.
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        resources: [streamArn],
      }),
    );
    this.deadLetters = deadLetterQueue(
      this,
      'DeadLetters',
      'The outbox pipe dead-letter queue: the stream positions of batches the bus refused, for an operator (README runbook).',
    );
    this.deadLetters.grantSendMessages(this.role);
    props.bus.grantPutEventsTo(this.role);

    this.pipe = new CfnPipe(this, 'Pipe', {
      description: 'Petition events: new outbox items of the data table to the petition event bus',
      roleArn: this.role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          // From the oldest record the stream keeps: an event written before the pipe first ran is not lost.
          startingPosition: 'TRIM_HORIZON',
          batchSize: 10,
          maximumBatchingWindowInSeconds: 1,
          // A batch the bus keeps refusing is halved down to the record at fault, which after its
          // tries is parked (its position, not its content) in the dead-letter queue, so one record
          // never holds up the events behind it for the 24 hours a stream keeps them.
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          maximumRetryAttempts: 10,
          deadLetterConfig: { arn: this.deadLetters.queueArn },
        },
        filterCriteria: { filters: [{ pattern: JSON.stringify(OUTBOX_PIPE.filter) }] },
      },
      target: props.bus.eventBusArn,
      targetParameters: {
        inputTemplate: OUTBOX_PIPE.target.inputTemplate,
        eventBridgeEventBusParameters: {
          source: OUTBOX_PIPE.target.source,
          detailType: OUTBOX_PIPE.target.detailType,
        },
      },
    });
    // The policy must exist before the pipe starts reading, or its first calls are refused.
    this.pipe.node.addDependency(this.role);
  }
}

export interface EventBackboneProps {
  /** What every service function gets: the table, buckets and project root. */
  common: Omit<ServiceFunctionProps, 'spec' | 'description'>;
  table: ITableV2;
  settings: DeploymentSettings;
  /** The delivery-report webhook's function (a route), which needs the webhook secret. */
  deliveryReports: ServiceFunction;
}

/**
 * Petition events, end to end (DESIGN.md section 8, issue 15): the transactional outbox's pipe,
 * the custom event bus, the notifier behind its rule, and the SMS dispatcher on a schedule. Every
 * failure path ends in a dead-letter queue that the operations alarms watch.
 */
export class EventBackbone extends Construct {
  readonly bus: EventBus;
  readonly outbox: OutboxPipe;
  readonly notifier: IFunction;
  readonly dispatcher: IFunction;
  readonly deadLetterQueues: IQueue[];
  readonly functions: IFunction[];

  constructor(scope: Construct, id: string, props: EventBackboneProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', {
      eventBusName: PETITION_EVENT_BUS_NAME,
      description: 'Petition events (jeso.petitions): one per change of a petition',
    });
    this.outbox = new OutboxPipe(this, 'Outbox', { table: props.table, bus: this.bus });
    // Subscribers trust what they read here: only the outbox pipe puts events on this bus, so no
    // one can forge a "registered" or "returned" event, whatever their identity policy allows.
    // On the bus resource itself (its `Policy`), not a separate AWS::Events::EventBusPolicy.
    (this.bus.node.defaultChild as CfnEventBus).policy = new PolicyDocument({
      statements: [
        new PolicyStatement({
          sid: 'OnlyTheOutboxPipePublishes',
          effect: Effect.DENY,
          principals: [new AnyPrincipal()],
          actions: ['events:PutEvents'],
          // By name: the bus's own ARN attribute inside its own policy would be a circular reference.
          resources: [
            Stack.of(this).formatArn({
              service: 'events',
              resource: 'event-bus',
              resourceName: PETITION_EVENT_BUS_NAME,
            }),
          ],
          conditions: { ArnNotEquals: { 'aws:PrincipalArn': this.outbox.role.roleArn } },
        }),
      ],
    });

    // The SMS provider's API key: a secret an operator sets after deploying (README, "SMS").
    const smsApiKey = new Secret(this, 'SmsApiKey', {
      description: "The SMS provider's API key (replace the generated placeholder with the provider's key)",
      generateSecretString: { excludePunctuation: true, passwordLength: 32 },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(smsApiKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The key is issued by the Iranian SMS provider in its own panel; no rotation function can make one. ' +
        'It is rotated there and put here by an operator.',
    });
    // The delivery-report webhook's shared secret (docs/sms-provider-contract.md): generated here,
    // given to the provider out of band; `{"current": …, "previous": …}` during a rotation.
    const webhookSecret = new Secret(this, 'SmsWebhookSecret', {
      description: 'The shared secret the SMS provider signs delivery reports with (HMAC-SHA256)',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(webhookSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret is shared with the SMS provider, which must be given each new one in its panel; ' +
        'it is rotated by an operator with an overlap (current and previous), not by a rotation function.',
    });
    props.deliveryReports.function.addEnvironment('SMS_WEBHOOK_SECRET_ARN', webhookSecret.secretArn);
    props.deliveryReports.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [webhookSecret.secretArn] }),
    );

    const withSms = (serviceFunction: ServiceFunction) => {
      const fn = serviceFunction.function;
      fn.addEnvironment('SMS_PROVIDER', 'kavenegar');
      fn.addEnvironment('SMS_API_BASE_URL', props.settings.smsApiBaseUrl);
      if (props.settings.smsSenderLine) fn.addEnvironment('SMS_SENDER_LINE', props.settings.smsSenderLine);
      fn.addEnvironment('SMS_API_KEY_SECRET_ARN', smsApiKey.secretArn);
      serviceFunction.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [smsApiKey.secretArn] }),
      );
      return fn;
    };
    const serviceFunction = (id: string) => {
      const spec = EVENT_FUNCTIONS.find((f) => f.id === id);
      if (!spec) throw new Error(`no event function ${id} in shared/routes.ts`);
      return new ServiceFunction(Stack.of(this), `Fn-${id}`, { ...props.common, spec, description: spec.summary });
    };

    const noticeDeadLetters = deadLetterQueue(
      this,
      'NoticeDeadLetters',
      'The dead-letter queue of the notifier and the SMS dispatcher; replayed by an operator (README runbook).',
    );
    // Its own queue, so an operator replays a failed keep to the keeper, never to the notifier.
    const keeperDeadLetters = deadLetterQueue(
      this,
      'KeeperDeadLetters',
      'The dead-letter queue of the document keeper: events whose scans are still tagged draft, or whose ' +
        'removed object is still there; replayed by an operator (README runbook).',
    );

    // The bus's targets, the notifier (every event someone is told of) and the document keeper
    // (submissions, reinstatements and document removals), asynchronously. Lambda retries a failed
    // event twice, the rule retries delivery; what still fails lands in the target's dead-letter
    // queue. Both are idempotent: the notifier per event and party, the keeper by nature (a tag set
    // twice, an object deleted twice), so a replay or a duplicate changes nothing.
    const deadLetterQueues = { notices: noticeDeadLetters, keeper: keeperDeadLetters };
    // A target is made once, from its first rule: a later rule must not ask for other settings.
    const targets = new Map<string, { fn: IFunction; settings: string }>();
    for (const rule of BUS_RULES) {
      const settings = `sendsSms=${rule.sendsSms ?? false}, deadLetters=${rule.deadLetters}`;
      const deadLetters = deadLetterQueues[rule.deadLetters];
      let target = targets.get(rule.functionId);
      if (target && target.settings !== settings)
        throw new Error(
          `bus rule ${rule.name} asks ${rule.functionId} for ${settings}; an earlier rule made it ${target.settings}`,
        );
      if (!target) {
        const fn = rule.sendsSms
          ? withSms(serviceFunction(rule.functionId))
          : serviceFunction(rule.functionId).function;
        target = { fn, settings };
        targets.set(rule.functionId, target);
        new EventInvokeConfig(this, `Retries-${rule.functionId}`, {
          function: fn,
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
          onFailure: new SqsDestination(deadLetters),
        });
      }
      new Rule(this, rule.name, {
        eventBus: this.bus,
        description: rule.description,
        eventPattern: cdkEventPattern(rule.pattern),
        targets: [
          new LambdaFunction(target.fn, {
            deadLetterQueue: deadLetters,
            retryAttempts: 8,
            maxEventAge: Duration.hours(6),
          }),
        ],
      });
    }
    const notifier = targets.get('notify-parties')?.fn;
    if (!notifier) throw new Error('no bus rule invokes notify-parties (shared/events/bus.ts)');
    this.notifier = notifier;

    // The dispatcher: a quarter-hourly sweep for notices that have come due (its own timeout: its spec's limits).
    const dispatcherFunction = serviceFunction('dispatch-sms');
    this.dispatcher = withSms(dispatcherFunction);
    // A failed run is not retried: the next run, a quarter of an hour later, takes up what is due.
    new EventInvokeConfig(this, 'DispatcherRetries', {
      function: this.dispatcher,
      retryAttempts: 0,
      onFailure: new SqsDestination(noticeDeadLetters),
    });
    const logicalId = Stack.of(this).resolve(
      Stack.of(this).getLogicalId(this.dispatcher.node.defaultChild as CfnFunction),
    ) as string;
    Validations.of(Stack.of(this)).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason: 'The scheduler target role CDK makes may invoke the SMS dispatcher and its versions; that function only.',
    });
    new Schedule(this, 'DispatchDueSms', {
      description: 'Send the SMS notices that have come due (after quiet hours, or a failed try)',
      schedule: ScheduleExpression.rate(Duration.minutes(15)),
      target: new LambdaInvoke(this.dispatcher, {
        retryAttempts: 2,
        maxEventAge: Duration.minutes(10),
        deadLetterQueue: noticeDeadLetters,
      }),
    });

    this.functions = [...[...targets.values()].map((target) => target.fn), this.dispatcher];
    this.deadLetterQueues = [this.outbox.deadLetters, noticeDeadLetters, keeperDeadLetters];
  }
}
