import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/adapters/dynamo-keys';
import { trackingEntryItem } from '../shared/adapters/dynamo-petition-repository';
import type { Petition } from '../shared/domain/petition';
import { scanAll } from './scan-all';

/**
 * Brings tracking entries up to date with the parties who may track now (domain/citizen-access.ts):
 * those written by earlier versions, which name neither their office nor their parties' keys, or
 * key every party, the accused of a complaint and a defendant before registration too (no
 * `keyedParties`); and any whose keys differ from what its petition says today (a registration
 * made by a function of the older version during a deploy never added the civil defendant's key,
 * and no later step would: registered is the end of the line). Each gets the keys of the parties
 * who may track now, so that every code answers a wrong national ID, and a party the notices
 * never tell, after one read and alike (shared/use-cases/citizen.ts). It reads each petition's
 * kind, parties and case number, the one backfill that does: their national IDs go into the entry
 * only hashed with the code, and nothing is printed. Each write is one transaction, on condition
 * that the petition is still at the version read and the entry still holds the keys read, so a
 * second run, or one racing a change of who may track (which rewrites the entry itself), changes
 * nothing twice. Entries are taken `CONCURRENCY` at a time: until an old entry is rewritten,
 * tracking its code waits for a third round trip, so the walk should be short. Run it after the
 * deploy that brought `keyedParties`, so that no function left from before writes an old entry
 * behind it. Answers how many entries it rewrote.
 */
export async function backfillTrackingEntries(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let completed = 0;
  const entries = scanAll(db, {
    TableName: tableName,
    ProjectionExpression: 'pk, petitionId, partyKeys, keyedParties',
    FilterExpression: 'sk = :track',
    ExpressionAttributeValues: { ':track': 'TRACK' },
  });
  let batch: Array<Record<string, unknown>> = [];
  const rewrite = async () => {
    const outcomes = await Promise.all(batch.map((entry) => bringUpToDate(db, tableName, entry)));
    completed += outcomes.filter(Boolean).length;
    batch = [];
  };
  for await (const entry of entries) {
    batch.push(entry);
    if (batch.length === CONCURRENCY) await rewrite();
  }
  await rewrite();
  return completed;
}

/** Entries rewritten at once: each is a read and a small transaction, far below a table's limits. */
const CONCURRENCY = 16;

async function bringUpToDate(
  db: DynamoDBDocumentClient,
  tableName: string,
  entry: Record<string, unknown>,
): Promise<boolean> {
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
  if (!petition?.trackingCode || keys.trackingCode(petition.trackingCode).pk !== entry.pk) return false;
  const item = trackingEntryItem(petition);
  const readKeys = Array.isArray(entry.partyKeys) ? entry.partyKeys.map(String) : undefined;
  const current =
    entry.keyedParties === 'told' &&
    readKeys !== undefined &&
    readKeys.length === item.partyKeys.length &&
    readKeys.every((key, i) => key === item.partyKeys[i]);
  if (current) return false;
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
              Item: item,
              ConditionExpression: readKeys
                ? 'petitionId = :id AND partyKeys = :read'
                : 'petitionId = :id AND attribute_not_exists(partyKeys)',
              ExpressionAttributeValues: { ':id': petitionId, ...(readKeys ? { ':read': readKeys } : {}) },
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    // Changed meanwhile: a change of who may track rewrites the entry itself; the next run reads it again.
    if (!(error instanceof TransactionCanceledException)) throw error;
    return false;
  }
}
