import { Aws } from 'aws-cdk-lib';

/**
 * The documents bucket's name, the same string in both stacks: built from the account and region
 * pseudo parameters rather than exported across stacks, so the stateless stack's grants and
 * EventBridge rule name it directly, and cdk-nag findings on its object prefixes are stable.
 */
export const DOCUMENTS_BUCKET_NAME = `jeso-documents-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

export const REPORTS_BUCKET_NAME = `jeso-reports-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

/** How cdk-nag prints those buckets' object ARNs in its findings. */
export const nagObjectArn = (bucket: 'documents' | 'reports', prefix: string) =>
  `arn:<AWS::Partition>:s3:::jeso-${bucket}-<AWS::AccountId>-<AWS::Region>/${prefix}/*`;

/**
 * A function's service name (Powertools' `service` dimension on its metrics and logs), from its id
 * in the route table: the one rule that the function construct and the alarms and dashboard share.
 */
export const serviceName = (functionId: string) => `judicial-e-services-${functionId}`;

/** CloudWatch namespace of the functions' own metrics (Powertools Metrics). */
export const METRICS_NAMESPACE = 'JudicialEServices';

/** Powertools' settings of a deployed function: its service, metrics namespace and log level. */
export const powertoolsVariables = (functionId: string) => ({
  POWERTOOLS_SERVICE_NAME: serviceName(functionId),
  POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
  POWERTOOLS_LOG_LEVEL: 'INFO',
});
