import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app';
import { OUTBOX_PIPE } from '../../shared/adapters/dynamo-outbox';
import { BUS_RULES } from '../../shared/events/bus';
import { DOCUMENT_KEEPER_RULE_PATTERN, NOTIFIER_RULE_PATTERN } from '../../shared/events/rules';
import { EVENT_FUNCTIONS } from '../../shared/routes';

// Bundling off: the template is what matters here. synth runs cdk-nag: a finding not acknowledged throws.
const { app, stateful, stateless } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), process.cwd());
app.synth();
const data = Template.fromStack(stateful);
const api = Template.fromStack(stateless);

type Resource = { Type: string; Properties: Record<string, any> };
const resources = (template: Template, type: string) =>
  Object.entries(template.findResources(type)) as Array<[string, Resource]>;
const only = (template: Template, type: string, filter: (id: string) => boolean = () => true) => {
  const found = resources(template, type).filter(([id]) => filter(id));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const getAtt = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const functionId = (description: string) =>
  resources(api, 'AWS::Lambda::Function').find(([, fn]) => fn.Properties.Description === description)![0];
const summaryOf = (id: string) => EVENT_FUNCTIONS.find((f) => f.id === id)!.summary;

const [busId, bus] = only(api, 'AWS::Events::EventBus');
const [, pipe] = only(api, 'AWS::Pipes::Pipe');
const pipeRoleArn = pipe.Properties.RoleArn as { 'Fn::GetAtt': [string, string] };
const pipeRoleId = pipeRoleArn['Fn::GetAtt'][0];
const queueId = (arn: unknown) => (arn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

describe('the outbox', () => {
  it('streams the data table with new images, and only the data table', () => {
    const tables = resources(data, 'AWS::DynamoDB::GlobalTable');
    const streamed = tables.filter(([, table]) => table.Properties.StreamSpecification);
    expect(streamed).toHaveLength(1);
    expect(streamed[0]![1].Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    expect(streamed[0]![1].Properties.KeySchema[0].AttributeName).toBe('pk');
  });

  it('pipes the table stream to the bus, filtered to new outbox items with the shared pattern', () => {
    const streamExport = Object.values(data.toJSON().Outputs as Record<string, any>).find(
      (output) => output.Value?.['Fn::GetAtt']?.[1] === 'StreamArn',
    );
    expect(pipe.Properties.Source).toEqual({ 'Fn::ImportValue': streamExport.Export.Name });
    expect(pipe.Properties.Target).toEqual(getAtt(busId));
    const filters = pipe.Properties.SourceParameters.FilterCriteria.Filters as Array<{ Pattern: string }>;
    expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([OUTBOX_PIPE.filter]);
    expect(OUTBOX_PIPE.filter).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { pk: { S: [{ prefix: 'OUTBOX#' }] } } },
    });
    expect(pipe.Properties.SourceParameters.DynamoDBStreamParameters).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      MaximumRetryAttempts: 10,
      DeadLetterConfig: { Arn: expect.anything() },
    });
  });

  it('turns each outbox record into a clean event: the shared source, detail-type path and template', () => {
    expect(pipe.Properties.TargetParameters).toEqual({
      InputTemplate: OUTBOX_PIPE.target.inputTemplate,
      EventBridgeEventBusParameters: {
        Source: OUTBOX_PIPE.target.source,
        DetailType: OUTBOX_PIPE.target.detailType,
      },
    });
  });

  it("gives the pipe's role the stream, its dead-letter queue and the bus, and nothing else", () => {
    const role = api.toJSON().Resources[pipeRoleId] as Resource;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: 'pipes.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      }),
    ]);
    const [, policy] = only(api, 'AWS::IAM::Policy', (id) => id.startsWith(pipeRoleId.replace(/[0-9A-F]{8}$/, '')));
    const statements = policy.Properties.PolicyDocument.Statement as Array<Record<string, any>>;
    const deadLetters = queueId(pipe.Properties.SourceParameters.DynamoDBStreamParameters.DeadLetterConfig.Arn);
    expect(statements).toEqual([
      {
        Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        Effect: 'Allow',
        Resource: pipe.Properties.Source,
      },
      {
        Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
        Effect: 'Allow',
        Resource: getAtt(deadLetters),
      },
      { Action: 'events:PutEvents', Effect: 'Allow', Resource: getAtt(busId) },
    ]);
  });
});

describe('the bus', () => {
  it('lets no one but the outbox pipe put events on it', () => {
    expect(bus.Properties.Name).toBe('jeso-petition-events');
    expect(bus.Properties.Policy.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'events:PutEvents',
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': pipeRoleArn } },
      }),
    ]);
    expect(JSON.stringify(bus.Properties.Policy.Statement[0].Resource)).toContain('event-bus/jeso-petition-events');
  });

  it.each(BUS_RULES)(
    'routes the events of rule $name to $functionId by the shared pattern, with retries and a dead-letter queue',
    (busRule) => {
      const [, rule] = only(api, 'AWS::Events::Rule', (id) => id.startsWith(`PetitionEvents${busRule.name}`));
      const target = functionId(summaryOf(busRule.functionId));
      expect(rule.Properties.EventBusName).toEqual({ Ref: busId });
      expect(rule.Properties.EventPattern).toEqual(busRule.pattern);
      expect(rule.Properties.Targets).toEqual([
        expect.objectContaining({
          Arn: getAtt(target),
          RetryPolicy: { MaximumEventAgeInSeconds: 21600, MaximumRetryAttempts: 8 },
          DeadLetterConfig: { Arn: expect.anything() },
        }),
      ]);
      // Lambda's own retries of a failed event, then the same dead-letter queue.
      const invokeConfig = resources(api, 'AWS::Lambda::EventInvokeConfig').find(
        ([, c]) => c.Properties.FunctionName.Ref === target,
      )?.[1];
      expect(invokeConfig?.Properties).toMatchObject({
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: rule.Properties.Targets[0].DeadLetterConfig.Arn } },
      });
    },
  );

  it('sends the events someone is told of to the notifier, and submissions and removals to the document keeper', () => {
    expect(BUS_RULES.map((rule) => [rule.functionId, rule.pattern])).toEqual([
      ['notify-parties', NOTIFIER_RULE_PATTERN],
      ['keep-documents', DOCUMENT_KEEPER_RULE_PATTERN],
    ]);
    expect(DOCUMENT_KEEPER_RULE_PATTERN['detail-type']).toEqual([
      'petition.submitted',
      'petition.reinstated',
      'petition.document-removed',
    ]);
    expect(NOTIFIER_RULE_PATTERN['detail-type']).not.toContain('petition.document-removed');
  });

  it('gives each dead-letter queue the failures of one target only, so a replay reaches the function that failed', () => {
    const targetsOf = new Map<string, Set<string>>();
    for (const rule of BUS_RULES)
      targetsOf.set(rule.deadLetters, (targetsOf.get(rule.deadLetters) ?? new Set()).add(rule.functionId));
    expect([...targetsOf].map(([queue, targets]) => [queue, [...targets]])).toEqual([
      ['notices', ['notify-parties']],
      ['keeper', ['keep-documents']],
    ]);
  });

  it("parks the keeper's failures in a queue of its own, so a replay goes to the keeper, not the notifier", () => {
    const queueOf = (name: string) =>
      only(api, 'AWS::Events::Rule', (id) => id.startsWith(`PetitionEvents${name}`))[1].Properties.Targets[0]
        .DeadLetterConfig.Arn;
    expect(queueOf('DocumentKeeper')).not.toEqual(queueOf('Notifier'));
  });

  it('gives the SMS provider settings and key to the notifier only, not to the document keeper', () => {
    const variables = (id: string) =>
      Object.keys((api.toJSON().Resources[functionId(summaryOf(id))] as Resource).Properties.Environment.Variables);
    expect(variables('notify-parties')).toEqual(expect.arrayContaining(['SMS_PROVIDER', 'SMS_API_KEY_SECRET_ARN']));
    expect(variables('keep-documents').filter((name) => name.startsWith('SMS_'))).toEqual([]);
  });
});

describe('SMS', () => {
  const notifier = functionId(summaryOf('notify-parties'));
  const dispatcher = functionId(summaryOf('dispatch-sms'));
  const fn = (id: string) => api.toJSON().Resources[id] as Resource;

  it('sends through the HTTP provider adapter, its key a secret the functions read and never hold in the template', () => {
    const [secretId] = only(api, 'AWS::SecretsManager::Secret', (id) => id.includes('SmsApiKey'));
    for (const id of [notifier, dispatcher]) {
      const variables = fn(id).Properties.Environment.Variables;
      expect(variables).toMatchObject({
        SMS_PROVIDER: 'kavenegar',
        SMS_API_BASE_URL: 'https://api.kavenegar.com/v1',
        SMS_API_KEY_SECRET_ARN: { Ref: secretId },
      });
      expect(Object.keys(variables).filter((name) => /KEY$|TOKEN|PASSWORD/.test(name))).toEqual([]);
    }
    const readers = resources(api, 'AWS::IAM::Policy').filter(([, p]) =>
      JSON.stringify(p.Properties.PolicyDocument).includes(`"Ref":"${secretId}"`),
    );
    expect(readers).toHaveLength(2);
    for (const [, policy] of readers) {
      const statement = (policy.Properties.PolicyDocument.Statement as Array<Record<string, any>>).find((s) =>
        JSON.stringify(s.Action).includes('secretsmanager:'),
      );
      expect(statement).toEqual({
        Action: 'secretsmanager:GetSecretValue',
        Effect: 'Allow',
        Resource: { Ref: secretId },
      });
    }
  });

  it('verifies delivery reports with a shared secret only the webhook function may read', () => {
    const [secretId] = only(api, 'AWS::SecretsManager::Secret', (id) => id.includes('SmsWebhookSecret'));
    const webhook = functionId('POST /v1/sms/delivery-reports');
    expect(fn(webhook).Properties.Environment.Variables).toMatchObject({ SMS_WEBHOOK_SECRET_ARN: { Ref: secretId } });
    const readers = resources(api, 'AWS::IAM::Policy').filter(([, p]) =>
      JSON.stringify(p.Properties.PolicyDocument).includes(`"Ref":"${secretId}"`),
    );
    expect(readers).toHaveLength(1);
    expect(JSON.stringify(readers[0]?.[1].Properties.Roles)).toContain(
      String(fn(webhook).Properties.Role['Fn::GetAtt'][0]),
    );
  });

  it('dispatches due messages every quarter of an hour, with time for the morning backlog and a dead-letter queue', () => {
    const [, schedule] = only(api, 'AWS::Scheduler::Schedule', (id) => id.startsWith('PetitionEvents'));
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'rate(15 minutes)',
      Target: { Arn: getAtt(dispatcher), DeadLetterConfig: { Arn: expect.anything() } },
    });
    expect(fn(dispatcher).Properties.Timeout).toBe(300);
  });

  it('alarms on the new dead-letter queues and on errors of the notifier, the keeper and the dispatcher', () => {
    const alarms = resources(api, 'AWS::CloudWatch::Alarm').map(([, alarm]) => JSON.stringify(alarm.Properties));
    const ruleQueue = (name: string) =>
      queueId(
        only(api, 'AWS::Events::Rule', (id) => id.startsWith(`PetitionEvents${name}`))[1].Properties.Targets[0]
          .DeadLetterConfig.Arn,
      );
    const deadLetters = [
      queueId(pipe.Properties.SourceParameters.DynamoDBStreamParameters.DeadLetterConfig.Arn),
      ruleQueue('Notifier'),
      ruleQueue('DocumentKeeper'),
    ];
    for (const queue of deadLetters)
      expect(alarms.some((a) => a.includes(`"${queue}","QueueName"`) && a.includes('NumberOfMessagesVisible'))).toBe(
        true,
      );
    for (const id of [notifier, functionId(summaryOf('keep-documents')), dispatcher])
      expect(alarms.some((a) => a.includes(`{"Ref":"${id}"}`) && a.includes('"Errors"'))).toBe(true);
  });
});
