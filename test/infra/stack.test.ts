import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app';
import { EVENT_FUNCTIONS, type FunctionSpec, ROUTES, routeKey } from '../../shared/routes';

// Bundling off: these tests look at the template, not at the code esbuild would produce.
const { app, stateful, stateless } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), process.cwd());
// synth runs cdk-nag's AwsSolutions checks: an unacknowledged finding throws here.
app.synth();
const data = Template.fromStack(stateful);
const api = Template.fromStack(stateless);

type Resource = {
  Type: string;
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

describe('stateful stack', () => {
  it('keeps every table on deletion, with point-in-time recovery and deletion protection', () => {
    const tables = Object.values(data.findResources('AWS::DynamoDB::GlobalTable')) as Resource[];

    expect(tables).toHaveLength(2);
    for (const table of tables) {
      expect(table).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          Replicas: [
            expect.objectContaining({
              PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
              DeletionProtectionEnabled: true,
            }),
          ],
        },
      });
    }
  });

  it('builds the table keys and indexes from the shared definition', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({ IndexName: 'gsi1' }),
        Match.objectLike({ IndexName: 'gsi2' }),
      ]),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('keeps every bucket private, encrypted, versioned and retained, and refuses plain HTTP', () => {
    const buckets = data.findResources('AWS::S3::Bucket') as Record<string, Resource>;
    const policies = Object.values(data.findResources('AWS::S3::BucketPolicy')) as Resource[];

    expect(Object.keys(buckets).length).toBeGreaterThanOrEqual(3);
    for (const [logicalId, bucket] of Object.entries(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
      const policy = policies.find((p) => JSON.stringify(p.Properties.Bucket).includes(logicalId));
      expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('sends document events to EventBridge and ages, expires and quarantines documents by lifecycle rules', () => {
    const documents = Object.values(data.findResources('AWS::S3::Bucket')).find((b) =>
      JSON.stringify((b as Resource).Properties.BucketName ?? '').includes('jeso-documents'),
    ) as Resource;
    const rules = documents.Properties.LifecycleConfiguration.Rules as Array<Record<string, any>>;

    expect(documents.Properties.NotificationConfiguration).toEqual({
      EventBridgeConfiguration: { EventBridgeEnabled: true },
    });
    expect(rules.find((r) => r.Id === 'abort-incomplete-uploads')).toMatchObject({
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    });
    expect(
      rules
        .find((r) => r.Id === 'age-into-cheaper-storage')
        ?.Transitions.map((t: { StorageClass: string }) => t.StorageClass),
    ).toEqual(['STANDARD_IA', 'GLACIER_IR']);
    expect(rules.find((r) => r.Id === 'remove-never-submitted-drafts')).toMatchObject({
      Prefix: 'petitions/',
      TagFilters: [{ Key: 'lifecycle', Value: 'draft' }],
      ExpirationInDays: 60,
      NoncurrentVersionExpiration: { NoncurrentDays: 30 },
    });
    // A quarantined copy keeps its draft tag: the year is the quarantine rule's, the draft rule stays out.
    expect(rules.find((r) => r.Id === 'quarantine-for-a-year')).toMatchObject({
      Prefix: 'quarantine/',
      ExpirationInDays: 365,
      NoncurrentVersionExpiration: { NoncurrentDays: 30 },
    });
    expect(rules.find((r) => r.Id === 'remove-expired-delete-markers')).toEqual({
      Id: 'remove-expired-delete-markers',
      Prefix: 'petitions/',
      ExpiredObjectDeleteMarker: true,
      Status: 'Enabled',
    });
  });

  it('keeps the court and province-admin groups out of tokens without MFA, through a token trigger', () => {
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      LambdaConfig: { PreTokenGeneration: Match.anyValue() },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
    });
    data.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'cognito-idp:AdminGetUser' })] },
    });
  });

  it('has a user pool without self sign-up and one group per staff role', () => {
    data.hasResourceProperties('AWS::Cognito::UserPool', { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    const groups = Object.values(data.findResources('AWS::Cognito::UserPoolGroup')) as Resource[];
    expect(groups.map((g) => g.Properties.GroupName).sort()).toEqual([
      'clerk',
      'court',
      'manager',
      'national-admin',
      'province-admin',
    ]);
  });
});

describe('stateless stack', () => {
  const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')) as Resource[];

  it('has exactly one API route per route table entry', () => {
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it('puts the JWT authorizer on every staff route and none on public ones', () => {
    for (const route of ROUTES) {
      const resource = routes.find((r) => r.Properties.RouteKey === routeKey(route));
      if (route.auth === 'public') expect(resource?.Properties.AuthorizationType).toBe('NONE');
      else expect(resource?.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: expect.anything() });
    }
  });

  it('checks issuer and audience in the JWT authorizer', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('runs every function on nodejs24.x', () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function')) as Resource[];

    expect(functions).toHaveLength(ROUTES.length + EVENT_FUNCTIONS.length);
    for (const fn of functions) expect(fn.Properties.Runtime).toBe('nodejs24.x');
  });

  it("gives each function its spec's timeout and memory: 10 s and 512 MB, longer only where a figure says why", () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function')) as Resource[];
    // A route's function is described by its route key, an event function by its summary.
    const specs: FunctionSpec[] = [...ROUTES, ...EVENT_FUNCTIONS];
    const description = (f: FunctionSpec) => {
      const route = ROUTES.find((r) => r.id === f.id);
      return route ? routeKey(route) : f.summary;
    };
    const limits = (f: FunctionSpec) => {
      const fn = functions.find((candidate) => candidate.Properties.Description === description(f))!;
      return { timeoutSeconds: fn.Properties.Timeout, memoryMb: fn.Properties.MemorySize };
    };
    const spec = (id: string) => specs.find((f) => f.id === id)!;

    expect(limits(spec('get-petition'))).toEqual({ timeoutSeconds: 10, memoryMb: 512 });
    expect(limits(spec('get-national-report'))).toEqual({ timeoutSeconds: 29, memoryMb: 1024 });
    expect(limits(spec('generate-monthly-report'))).toEqual({ timeoutSeconds: 29, memoryMb: 1024 });
    expect(limits(spec('monthly-report-job'))).toEqual({ timeoutSeconds: 300, memoryMb: 1024 });
    expect(limits(spec('dispatch-sms'))).toEqual({ timeoutSeconds: 300, memoryMb: 512 });
    const longer = specs.filter((f) => limits(f).timeoutSeconds !== 10);
    expect(longer.map((f) => f.id).sort()).toEqual([
      'dispatch-sms',
      'generate-monthly-report',
      'get-national-report',
      'monthly-report-job',
    ]);
  });

  it('grants each route exactly the DynamoDB actions it declares, no batch write or scan, and deletes of terminal claims only', () => {
    const policies = Object.values(api.findResources('AWS::IAM::Policy')) as Resource[];
    const functions = api.findResources('AWS::Lambda::Function') as Record<string, Resource>;
    const deleting: string[] = [];
    for (const route of ROUTES) {
      const fn = Object.values(functions).find((f) => f.Properties.Description === routeKey(route));
      const roleRef = JSON.stringify(fn?.Properties.Role);
      const statements = policies
        .filter((p) => roleRef.includes(JSON.stringify(p.Properties.Roles[0]).replace(/^{"Ref":"|"}$/g, '')))
        .flatMap(
          (p) =>
            p.Properties.PolicyDocument.Statement as Array<{
              Action: string | string[];
              Resource: unknown;
              Condition?: Record<string, unknown>;
            }>,
        );
      const actions = statements.flatMap((s) => [s.Action].flat());
      // The idempotency table's statement is asserted on its own below.
      const dataActions = statements
        .filter((s) => !JSON.stringify(s.Resource).includes('Idempotency'))
        .flatMap((s) => [s.Action].flat())
        .filter((a) => a.startsWith('dynamodb:'));
      const declared = (route.table ?? []).flatMap((grant) => grant.actions.map((a) => `dynamodb:${a}`));

      expect([...new Set(dataActions)].sort()).toEqual([...new Set(declared)].sort());
      expect(actions.filter((a) => /^dynamodb:(BatchWriteItem|Scan)$/.test(a) && !route.idempotent)).toEqual([]);
      // An office's payment terminal claim is released with a delete (update-office): nothing else is deleted.
      const deletes = statements.filter((s) => [s.Action].flat().includes('dynamodb:DeleteItem'));
      for (const statement of deletes) {
        expect([statement.Action].flat()).toEqual(['dynamodb:DeleteItem']);
        const leadingKeys = (statement.Condition?.['ForAllValues:StringLike'] as Record<string, unknown> | undefined)?.[
          'dynamodb:LeadingKeys'
        ];
        expect([leadingKeys].flat()).toEqual(['TERMINAL#*']);
        deleting.push(route.id);
      }
      expect(actions.some((a) => a.endsWith(':*') || a === '*')).toBe(false);
    }
    expect(deleting).toEqual(['update-office']);
  });

  it('gives the idempotency table to idempotent routes only', () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function')) as Resource[];
    for (const route of ROUTES) {
      const fn = functions.find((f) => f.Properties.Description === routeKey(route));
      expect(Boolean(fn?.Properties.Environment?.Variables?.IDEMPOTENCY_TABLE_NAME)).toBe(Boolean(route.idempotent));
    }
  });

  it('throttles the public routes harder than the stage', () => {
    const stage = Object.values(api.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    for (const route of ROUTES.filter((r) => r.auth === 'public' && r.throttle)) {
      expect(stage.Properties.RouteSettings[routeKey(route)].ThrottlingRateLimit).toBeLessThan(
        stage.Properties.DefaultRouteSettings.ThrottlingRateLimit,
      );
    }
    expect(Object.keys(stage.Properties.RouteSettings)).toEqual(
      expect.arrayContaining(['GET /v1/track/{trackingCode}', 'POST /v1/feedback']),
    );
  });

  it("names no wildcard resource but object key prefixes, a function's own versions, and X-Ray (which has no resource ARNs)", () => {
    const policies = [
      ...Object.values(api.findResources('AWS::IAM::Policy')),
      ...Object.values(data.findResources('AWS::IAM::Policy')),
    ] as Resource[];
    const statements = policies.flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>,
    );
    const wildcard = statements
      .flatMap((s) => [s.Resource].flat().map((r) => ({ actions: [s.Action].flat(), resource: JSON.stringify(r) })))
      .filter((w) => w.resource.includes('*'));

    expect(wildcard.length).toBeGreaterThan(0);
    for (const { actions, resource } of wildcard) {
      if (actions.every((a) => a.startsWith('s3:')))
        expect(resource).toMatch(/jeso-(documents|reports)-.*\/(petitions|quarantine|monthly)\/\*"/);
      else if (resource === '"*"')
        expect(actions.sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
      else
        expect({ actions, resource }).toMatchObject({
          actions: ['lambda:InvokeFunction'],
          resource: expect.stringMatching(/"Arn"\]\},":\*"\]\]\}$/),
        });
    }
  });

  it('verifies arriving documents from an EventBridge rule, with retries and a dead-letter queue', () => {
    api.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: { object: { key: [{ prefix: 'petitions/' }] } },
      },
      Targets: [
        Match.objectLike({
          DeadLetterConfig: { Arn: Match.anyValue() },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: Match.anyValue() }),
        }),
      ],
    });
    api.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    api.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('runs the monthly report job daily after Tehran midnight, with retries, a dead-letter queue and an alarm on it', () => {
    api.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 0 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Tehran',
      Target: Match.objectLike({
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 3 }),
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
    });
  });

  it('traces every function and alarms on 5xx, errors, throttles, dead letters and a missing report run', () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function')) as Resource[];
    for (const fn of functions) expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    const alarms = Object.values(api.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const described = alarms.map((a) => String(a.Properties.AlarmDescription));
    for (const phrase of [
      '5xx',
      'function failed',
      'throttled invocations',
      'DynamoDB throttled',
      'VerificationDeadLetters',
      'ReportJobDeadLetters',
      'monthly report',
    ]) {
      expect(described.some((d) => d.includes(phrase))).toBe(true);
    }
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    api.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    api.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('writes JSON access logs and throttles the stage', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('room to grow', () => {
  it("keeps each stack 50 resources short of CloudFormation's 500, so a route can still be added", () => {
    // Prepare: a route costs about seven (function, role, policy, log group, permission,
    // integration, route), so 50 is room for the next few; past it, move functions into nested
    // stacks by area before adding more (each nested stack counts once here and has 500 of its own)
    const limit = 450;

    // Act
    const counts = [data, api].map((template) => Object.keys(template.toJSON().Resources).length);

    // Assess
    for (const count of counts) expect(count).toBeLessThanOrEqual(limit);
  });
});
