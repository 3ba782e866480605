import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, serviceName } from './names';

export interface OperationsProps {
  api: HttpApi;
  functions: IFunction[];
  deadLetterQueues: IQueue[];
  tableNames: string[];
}

/**
 * What tells operators the service is unwell, and the province's live figures: alarms on API
 * 5xx, function errors and throttles, DynamoDB throttling, dead letters and a missing monthly
 * report run, all to one encrypted topic (subscribe the on-call address to it); one dashboard.
 */
export class Operations extends Construct {
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.alarmTopic = new Topic(this, 'Alarms', {
      enforceSSL: true,
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    const action = new SnsAction(this.alarmTopic);
    const alarm = (
      name: string,
      metric: IMetric,
      description: string,
      threshold = 1,
      options: { treatMissingData?: TreatMissingData; comparison?: ComparisonOperator } = {},
    ) => {
      new Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: options.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);
    };

    alarm(
      'Api5xx',
      props.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      'The API answered 5xx: clients should never see one',
      5,
    );
    const sumOver = (metrics: IMetric[], label: string) =>
      new MathExpression({
        expression: metrics.map((_, i) => `m${i}`).join(' + '),
        usingMetrics: Object.fromEntries(metrics.map((m, i) => [`m${i}`, m])),
        label,
        period: Duration.minutes(5),
      });
    // An alarm's math may combine at most 10 metrics: one alarm per ten functions.
    for (let i = 0; i < props.functions.length; i += 10) {
      const group = props.functions.slice(i, i + 10);
      alarm(
        `FunctionErrors${i / 10}`,
        sumOver(
          group.map((f) => f.metricErrors({ statistic: 'Sum' })),
          'function errors',
        ),
        'A function failed (an unhandled error or a timeout)',
      );
      alarm(
        `FunctionThrottles${i / 10}`,
        sumOver(
          group.map((f) => f.metricThrottles({ statistic: 'Sum' })),
          'function throttles',
        ),
        'Lambda throttled invocations: concurrency limit reached',
        5,
      );
    }
    const dynamoThrottles = props.tableNames.map(
      (TableName) =>
        new Metric({
          namespace: 'AWS/DynamoDB',
          metricName: 'ThrottledRequests',
          dimensionsMap: { TableName },
          statistic: 'Sum',
          period: Duration.minutes(5),
        }),
    );
    alarm(
      'DynamoThrottles',
      sumOver(dynamoThrottles, 'DynamoDB throttled requests'),
      'DynamoDB throttled requests (a hot key, or a burst beyond on-demand scaling)',
      10,
    );
    for (const [i, queue] of props.deadLetterQueues.entries()) {
      alarm(
        `DeadLetters${i}`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        `Events parked in ${queue.node.id}: replay them (README runbook)`,
      );
    }
    const reportRuns = new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'ReportJobSucceeded',
      dimensionsMap: { service: serviceName('monthly-report-job') },
      statistic: 'Sum',
      period: Duration.days(1),
    });
    alarm(
      'MonthlyReportMissing',
      reportRuns,
      'No successful monthly report run in a day: a closed month may be without its report',
      1,
      {
        comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
      },
    );

    const figure = (metricName: string, service: string, label: string) =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service },
        statistic: 'Sum',
        period: Duration.hours(1),
        label,
      });
    new Dashboard(this, 'Dashboard', {
      dashboardName: 'judicial-e-services',
      widgets: [
        [
          new TextWidget({
            markdown:
              '# Judicial e-services offices: live figures\nPetitions registered, documents stored and the API, by hour.',
            width: 24,
            height: 2,
          }),
        ],
        [
          new SingleValueWidget({
            title: 'Petitions submitted (last 24 h)',
            metrics: [
              figure('PetitionsSubmitted', serviceName('submit-petition'), 'submitted').with({
                period: Duration.days(1),
              }),
            ],
            width: 8,
          }),
          new GraphWidget({
            title: 'Petitions submitted per hour',
            left: [figure('PetitionsSubmitted', serviceName('submit-petition'), 'submitted')],
            width: 16,
          }),
        ],
        [
          new GraphWidget({
            title: 'Documents verified / rejected per hour',
            left: [
              figure('DocumentsVerified', serviceName('verify-document'), 'verified'),
              figure('DocumentsRejected', serviceName('verify-document'), 'rejected'),
            ],
            width: 12,
          }),
          new GraphWidget({
            title: 'API requests, 4xx, 5xx',
            left: [
              props.api.metricCount({ period: Duration.minutes(5) }),
              props.api.metricClientError({ period: Duration.minutes(5) }),
              props.api.metricServerError({ period: Duration.minutes(5) }),
            ],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'API latency p50 / p99',
            left: [props.api.metricLatency({ statistic: 'p50' }), props.api.metricLatency({ statistic: 'p99' })],
            width: 12,
          }),
          new GraphWidget({ title: 'DynamoDB throttled requests', left: dynamoThrottles, width: 12 }),
        ],
      ],
    });
  }
}
