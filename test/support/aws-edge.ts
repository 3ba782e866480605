import { readFileSync } from 'node:fs';
import { type RunningEdge, startAwsEdge } from '../../local/aws-edge/edge';
import { instantiatePolicies, LOCAL_ACCOUNT, type PolicySet } from '../../local/aws-edge/policies';
import { LOCAL_REGION } from '../../local/engines';
import { storeNames } from './store-names';

/** The policies global-setup.ts synthesized from the CDK app, placeholders and all. */
export function synthesizedPolicies(): PolicySet {
  return JSON.parse(readFileSync(process.env.TEST_POLICIES_FILE!, 'utf8')) as PolicySet;
}

/**
 * A local AWS edge of this test file's own, for tests that need another engine behind it (their
 * own S3 server, to receive its events) or other policies (a route table with a grant removed).
 * It knows this file's tenant only; its endpoints replace DYNAMODB_ENDPOINT and S3_ENDPOINT for
 * whatever loads after.
 */
export async function startFileEdge(
  options: { s3Upstream?: string; policies?: PolicySet; log?: (line: string) => void } = {},
): Promise<RunningEdge> {
  const tenant = process.env.TEST_TENANT!;
  const policies = instantiatePolicies(options.policies ?? synthesizedPolicies(), storeNames(tenant));
  const edge = await startAwsEdge({
    region: LOCAL_REGION,
    account: LOCAL_ACCOUNT,
    masterSecret: process.env.LOCAL_EDGE_SECRET!,
    upstream: { dynamodb: process.env.TEST_ENGINE_DYNAMODB!, s3: options.s3Upstream ?? process.env.TEST_ENGINE_S3! },
    policiesOf: (candidate) => (candidate === tenant ? policies : undefined),
    ...(options.log ? { log: options.log } : {}),
  });
  process.env.DYNAMODB_ENDPOINT = edge.dynamodbEndpoint;
  process.env.S3_ENDPOINT = edge.s3Endpoint;
  return edge;
}
