import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { backfillAttention } from '../../scripts/backfill-attention';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { DynamoAttentionList } from '../../shared/adapters/dynamo-attention-list';
import { petitionItem } from '../../shared/adapters/dynamo-petition-repository';
import { readEnv, tableEnvShape } from '../../shared/config';
import type { CourtAssignment, Petition } from '../../shared/domain/petition';
import { dropStores, provisionStores } from '../support/stores';
import { FALLBACK_ASSIGNMENT as fallback, submittedPetition } from '../support/submitted-petition';

/**
 * Petitions stored before the province's attention list existed hold no gsi5 keys: `npm run
 * backfill` puts those that need the province's look on it, once, and leaves the others alone.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const config = () => readEnv(tableEnvShape);
const db = () => createDocumentClient(config());
const petition = (petitionId: string, court: CourtAssignment) => submittedPetition({ petitionId, court });

/** The item as the version before gsi5 wrote it: everything but the attention keys. */
async function storeAsBefore(stored: Petition): Promise<void> {
  const { gsi5pk: _pk, gsi5sk: _sk, ...item } = petitionItem(stored) as Record<string, unknown>;
  await db().send(new PutCommand({ TableName: config().TABLE_NAME, Item: item }));
}

it("puts a flagged petition stored before gsi5 on its province's list, once, and no other petition", async () => {
  await storeAsBefore(petition('p-flagged', fallback));
  await storeAsBefore(petition('p-ordinary', { ...fallback, flaggedForReview: false, reviewReason: undefined }));
  const attention = new DynamoAttentionList(db(), config().TABLE_NAME);
  const before = await attention.needingAttention('29', 10);

  const first = await backfillAttention(db(), config().TABLE_NAME);
  const second = await backfillAttention(db(), config().TABLE_NAME);

  const after = await attention.needingAttention('29', 10);
  expect(before).toEqual([]);
  expect([first, second]).toEqual([1, 0]);
  expect(after.map((entry) => entry.petitionId)).toEqual(['p-flagged']);
});
