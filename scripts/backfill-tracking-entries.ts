import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/adapters/dynamo-keys';
import { trackingEntryItem } from '../shared/adapters/dynamo-petition-repository';
import type { Petition } from '../shared/domain/petition';
import { scanAll } from './scan-all';

/**
 * Brings tracking entries written by earlier versions (ports.ts, TrackingEntry) up to date: those
 * that name neither their office nor their parties' keys, and those that key every party, the
 * accused of a complaint and a defendant before registration too (no `keyedParties`). Each gets
 * the keys of the parties who may track now (domain/citizen-access.ts), so that every code answers
 * a wrong national ID, and a party the notices never tell, after one read and alike
 * (shared/use-cases/citizen.ts). It reads each such petition's kind, parties and case number, the
 * one backfill that does: their national IDs go into the entry only hashed with the code, and
 * nothing is printed. Each write is one transaction, on condition that the petition is still at
 * the version read and the entry is still of the old kind, so a second run, or one racing a change
 * of who may track (which rewrites the entry itself), changes nothing twice. Run it after the
 * deploy that brought `keyedParties`, so that no function left from before writes an old entry
 * behind it. Answers how many entries it completed.
 */
export async function backfillTrackingEntries(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let completed = 0;
  const entries = scanAll(db, {
    TableName: tableName,
    ProjectionExpression: 'pk, petitionId',
    FilterExpression: 'sk = :track AND (attribute_not_exists(partyKeys) OR attribute_not_exists(keyedParties))',
    ExpressionAttributeValues: { ':track': 'TRACK' },
  });
  for await (const entry of entries) {
    const petitionId = String(entry.petitionId);
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.petition(petitionId),
        ProjectionExpression: 'petitionId, officeCode, kind, parties, caseNumber, trackingCode, version',
        ConsistentRead: true,
      }),
    );
    const petition = Item as
      | (Pick<Petition, 'petitionId' | 'officeCode' | 'kind' | 'parties' | 'caseNumber' | 'trackingCode'> & {
          version: number;
        })
      | undefined;
    if (!petition?.trackingCode || keys.trackingCode(petition.trackingCode).pk !== entry.pk) continue;
    try {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: tableName,
                Key: keys.petition(petitionId),
                ConditionExpression: 'version = :version',
                ExpressionAttributeValues: { ':version': petition.version },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: trackingEntryItem(petition),
                ConditionExpression: 'petitionId = :id AND attribute_not_exists(keyedParties)',
                ExpressionAttributeValues: { ':id': petitionId },
              },
            },
          ],
        }),
      );
      completed++;
    } catch (error) {
      // Changed meanwhile: a change of who may track rewrites the entry itself; the next run reads it again.
      if (!(error instanceof TransactionCanceledException)) throw error;
    }
  }
  return completed;
}
