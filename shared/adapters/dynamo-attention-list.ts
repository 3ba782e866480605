import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type AttentionEntry, attentionEntry } from '../domain/attention';
import type { AttentionSource } from '../ports';
import { indexKeys } from './dynamo-keys';
import { petitionFromItem } from './dynamo-petition-repository';

/**
 * A province's attention list from gsi5, where the petition repository's writes put a petition
 * while it needs the province's look (`attentionIndexKeys` in dynamo-petition-repository.ts).
 */
export class DynamoAttentionList implements AttentionSource {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async needingAttention(
    provinceCode: string,
    limit: number,
    keep: (entry: AttentionEntry) => boolean = () => true,
  ): Promise<AttentionEntry[]> {
    const entries: AttentionEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi5',
          KeyConditionExpression: 'gsi5pk = :pk',
          ExpressionAttributeValues: { ':pk': indexKeys.provinceAttention(provinceCode) },
          ScanIndexForward: false,
          Limit: limit - entries.length,
          ExclusiveStartKey: startKey,
        }),
      );
      // The index holds the attributes the list needs only (ATTENTION_ATTRIBUTES), enough for attentionEntry.
      for (const item of page.Items ?? []) {
        const entry = attentionEntry(petitionFromItem(item));
        if (entry && keep(entry) && entries.length < limit) entries.push(entry);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && entries.length < limit);
    return entries;
  }
}
