import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { attentionIndexKeys } from '../shared/adapters/dynamo-petition-repository';
import type { Petition } from '../shared/domain/petition';
import { scanAll } from './scan-all';

/** The attributes attentionIndexKeys reads (names through placeholders: `status` is a reserved word). */
const PROJECTED = [
  'pk',
  'petitionId',
  'provinceCode',
  'updatedAt',
  'status',
  'court',
  'cureDeadline',
  'rejection',
  'version',
] as const;

/**
 * Puts petitions written before the province's attention list (gsi5) on it: a petition routed to
 * a fallback court, or with a provisional deadline, gets its gsi5 keys. Each write is conditional
 * on the petition being unchanged (its version) and still without them, so a second run, or one
 * racing the application (which writes the keys itself on every change), changes nothing twice.
 * Answers how many petitions it put on the list.
 */
export async function backfillAttention(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let added = 0;
  const petitions = scanAll(db, {
    TableName: tableName,
    // Only what the list needs: no party names, national IDs or mobiles are read.
    ProjectionExpression: PROJECTED.map((_, i) => `#a${i}`).join(', '),
    FilterExpression: 'sk = :petition AND attribute_not_exists(gsi5pk)',
    ExpressionAttributeNames: Object.fromEntries(PROJECTED.map((name, i) => [`#a${i}`, name])),
    ExpressionAttributeValues: { ':petition': 'PETITION' },
  });
  for await (const item of petitions) {
    const index = attentionIndexKeys(item as unknown as Petition);
    if (!('gsi5pk' in index)) continue;
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: item.pk, sk: 'PETITION' },
          UpdateExpression: 'SET gsi5pk = :pk, gsi5sk = :sk',
          ConditionExpression: 'version = :version AND attribute_not_exists(gsi5pk)',
          ExpressionAttributeValues: { ':pk': index.gsi5pk, ':sk': index.gsi5sk, ':version': item.version },
        }),
      );
      added++;
    } catch (error) {
      // Changed meanwhile: the application wrote its keys with the change.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  return added;
}
