import {
  type DynamoDBDocumentClient,
  paginateQuery,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';

/**
 * Every item a Query matches, page after page: DynamoDB answers at most 1 MB a call, and the
 * national registry's 3,000 offices, a busy province's courts or a petition's audit trail can be
 * more. The SDK's paginator follows LastEvaluatedKey; each page is a call of its own (metered,
 * traced, retried like any other).
 */
export async function queryAll(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<NonNullable<QueryCommandOutput['Items']>> {
  const items: NonNullable<QueryCommandOutput['Items']> = [];
  for await (const page of paginateQuery({ client: db }, input)) items.push(...(page.Items ?? []));
  return items;
}
