import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { indexKeys, keys } from '../shared/adapters/dynamo-keys';
import { networkTargetItem } from '../shared/adapters/dynamo-report-repository';
import { type ProvinceCode, provinceByName, provinceOf } from '../shared/domain/provinces';
import { scanAll } from './scan-all';

/** What a run did: counts, and the office codes it could not place (never personal data). */
export interface BackfillResult {
  offices: number;
  petitions: number;
  targets: number;
  unplacedOffices: string[];
  petitionsOfUnplacedOffices: number;
}

/**
 * Brings items written before provinces had codes up to date, in place and idempotently:
 * - an office gets `provinceCode` from its Persian province name, and its registry index key
 *   becomes `<province code>#<office code>`;
 * - a petition gets its office's `provinceCode` (a province administrator sees it only then);
 * - the single network target of the one-province version becomes that province's target.
 * Every write is conditional on the item still lacking what it adds, so a second run, or a run
 * racing the application, changes nothing twice. Nothing is deleted.
 */
export async function backfillProvinces(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { legacyTargetProvince?: ProvinceCode } = {},
): Promise<BackfillResult> {
  const result: BackfillResult = {
    offices: 0,
    petitions: 0,
    targets: 0,
    unplacedOffices: [],
    petitionsOfUnplacedOffices: 0,
  };
  const provinceOfOffice = new Map<string, ProvinceCode>();
  const legacy = await scanLegacy(db, tableName);

  for (const office of legacy.offices) {
    const officeCode = String(office.officeCode);
    const stored = typeof office.provinceCode === 'string' ? provinceOf(office.provinceCode) : undefined;
    const province = stored ?? provinceByName(String(office.province ?? ''));
    if (!province) {
      result.unplacedOffices.push(officeCode);
      continue;
    }
    const code = province.code as ProvinceCode;
    provinceOfOffice.set(officeCode, code);
    if (stored) continue;
    if (
      await conditionalUpdate(db, {
        TableName: tableName,
        Key: keys.office(officeCode),
        UpdateExpression: 'SET provinceCode = :code, province = :name, gsi3sk = :sk',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(provinceCode)',
        ExpressionAttributeValues: {
          ':code': code,
          ':name': province.fa,
          ':sk': indexKeys.registry(code, officeCode).gsi3sk,
        },
      })
    ) {
      result.offices++;
    }
  }

  for (const petition of legacy.petitions) {
    const code = provinceOfOffice.get(String(petition.officeCode));
    if (!code) {
      result.petitionsOfUnplacedOffices++;
      continue;
    }
    if (
      await conditionalUpdate(db, {
        TableName: tableName,
        Key: keys.petition(String(petition.petitionId)),
        UpdateExpression: 'SET provinceCode = :code',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(provinceCode)',
        ExpressionAttributeValues: { ':code': code },
      })
    ) {
      result.petitions++;
    }
  }

  if (legacy.target) {
    // The one-province version had one target: it belongs to the province its offices are in.
    const provinces = new Set(provinceOfOffice.values());
    const code = options.legacyTargetProvince ?? (provinces.size === 1 ? [...provinces][0] : undefined);
    if (!code) {
      throw new Error(
        'A network target from before provinces exists and offices span several provinces: pass --target-province <code>.',
      );
    }
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: networkTargetItem(code, {
            targetCount: Number(legacy.target.targetCount),
            targetDate: String(legacy.target.targetDate),
          }),
          // A target the province's administrator has set since is theirs: never overwrite it.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      result.targets++;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    // Kept, not deleted, and marked so that later runs leave it alone.
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: 'CONFIG', sk: 'NETWORK_TARGET' },
        UpdateExpression: 'SET migratedTo = :code',
        ExpressionAttributeValues: { ':code': code },
      }),
    );
  }
  return result;
}

/** The attributes a backfill reads (names through placeholders: some are DynamoDB reserved words). */
const PROJECTED = ['pk', 'sk', 'officeCode', 'petitionId', 'provinceCode', 'province', 'targetCount', 'targetDate'];

/** Every office (to know the provinces), petitions without a province, and the old single target. */
async function scanLegacy(db: DynamoDBDocumentClient, tableName: string) {
  const offices: Array<Record<string, unknown>> = [];
  const petitions: Array<Record<string, unknown>> = [];
  let target: Record<string, unknown> | undefined;
  const items = scanAll(db, {
    TableName: tableName,
    // Only what a backfill needs: no party names, national IDs or mobiles are read.
    ProjectionExpression: PROJECTED.map((_, i) => `#a${i}`).join(', '),
    FilterExpression:
      '(#a1 = :office) OR (#a1 = :petition AND attribute_not_exists(#a4)) ' +
      'OR (#a0 = :config AND #a1 = :target AND attribute_not_exists(migratedTo))',
    ExpressionAttributeNames: Object.fromEntries(PROJECTED.map((name, i) => [`#a${i}`, name])),
    ExpressionAttributeValues: {
      ':office': 'OFFICE',
      ':petition': 'PETITION',
      ':config': 'CONFIG',
      ':target': 'NETWORK_TARGET',
    },
  });
  for await (const item of items) {
    if (item.sk === 'OFFICE') offices.push(item);
    else if (item.sk === 'PETITION') petitions.push(item);
    else target = item;
  }
  return { offices, petitions, target };
}

/** True when the update was made; false when its condition says it was not needed. */
async function conditionalUpdate(db: DynamoDBDocumentClient, input: ConstructorParameters<typeof UpdateCommand>[0]) {
  try {
    await db.send(new UpdateCommand(input));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
