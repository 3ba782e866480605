import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/adapters/dynamo-keys';
import { terminalClaimItem } from '../shared/adapters/dynamo-office-repository';
import { transactWrite } from '../shared/adapters/dynamo-transactions';
import { byCodePoint } from '../shared/domain/order';
import { TERMINAL_ID_PATTERN } from '../shared/domain/payments';
import { scanAll } from './scan-all';

/** An office the backfill could not give its terminal: another office holds it, or it is the judiciary's. */
export interface TerminalConflict {
  officeCode: string;
  /**
   * The office code whose claim holds the terminal, `judiciary`, or `misspelt` for a terminal
   * stored with a leading zero (the gateway reads `0<id>` as `<id>`: whose it is cannot be told).
   */
  heldBy: string;
}

export interface TerminalBackfillResult {
  /** Claims written by this run. */
  claimed: number;
  /** Offices whose terminal is another's, by office code: a province administrator must give them their own. */
  conflicts: TerminalConflict[];
}

interface StoredOffice {
  officeCode: string;
  paymentTerminalId: string;
  createdAt: string;
  closed: boolean;
}

/**
 * Claims the payment terminals of offices stored before terminals were claimed
 * (`TERMINAL#<id>` / `TERMINAL`, adapters/dynamo-office-repository.ts): each such office's terminal
 * gets a claim naming it. Where two offices hold one terminal, an office still open gets the
 * claim before a closed one (a provider gives a closed office's terminal to a new office), then the
 * one registered first (the other is reported, never given it); an office holding the judiciary's terminal gets no
 * claim and is reported. A claim is written only where none exists, in a transaction that checks
 * the office still has that terminal, so a second run, or one racing the application (which
 * writes claims itself with every change of terminal), changes nothing twice and overwrites no
 * claim. Reads office codes, terminals and registration times only; deletes nothing.
 */
export async function backfillTerminalClaims(
  db: DynamoDBDocumentClient,
  tableName: string,
  settings: { judiciaryTerminalId: string },
): Promise<TerminalBackfillResult> {
  const { offices, claims } = await scanTerminals(db, tableName);
  const result: TerminalBackfillResult = { claimed: 0, conflicts: [] };
  // An open office before a closed one, then the one registered first, keeps a shared terminal:
  // the order of the scan decides nothing.
  offices.sort(
    (a, b) =>
      Number(a.closed) - Number(b.closed) ||
      byCodePoint(a.createdAt, b.createdAt) ||
      byCodePoint(a.officeCode, b.officeCode),
  );
  for (const office of offices) {
    const terminal = office.paymentTerminalId;
    if (!TERMINAL_ID_PATTERN.test(terminal)) {
      result.conflicts.push({ officeCode: office.officeCode, heldBy: 'misspelt' });
      continue;
    }
    if (terminal === settings.judiciaryTerminalId) {
      result.conflicts.push({ officeCode: office.officeCode, heldBy: 'judiciary' });
      continue;
    }
    let holder = claims.get(terminal);
    if (holder === undefined) {
      if (await claim(db, tableName, office)) {
        result.claimed++;
        claims.set(terminal, office.officeCode);
        continue;
      }
      // Not written: the office left the terminal meanwhile, or the application claimed it meanwhile.
      if (!(await stillHolds(db, tableName, office))) continue;
      holder = await holderOf(db, tableName, terminal);
      // Released again since: the next run claims it.
      if (holder === undefined) continue;
      claims.set(terminal, holder);
    }
    if (holder !== office.officeCode) result.conflicts.push({ officeCode: office.officeCode, heldBy: holder });
  }
  result.conflicts.sort((a, b) => byCodePoint(a.officeCode, b.officeCode));
  return result;
}

/** Every office with a terminal, and every claim (terminal → office code). */
async function scanTerminals(db: DynamoDBDocumentClient, tableName: string) {
  const offices: StoredOffice[] = [];
  const claims = new Map<string, string>();
  const items = scanAll(db, {
    TableName: tableName,
    ProjectionExpression: 'sk, officeCode, paymentTerminalId, terminalId, createdAt, #status',
    ExpressionAttributeNames: { '#status': 'status' },
    FilterExpression: '(sk = :office AND attribute_exists(paymentTerminalId)) OR sk = :terminal',
    ExpressionAttributeValues: { ':office': 'OFFICE', ':terminal': 'TERMINAL' },
    // A claim just written must be seen, or a second run would try it again (its condition would hold).
    ConsistentRead: true,
  });
  for await (const item of items) {
    if (item.sk === 'TERMINAL') claims.set(String(item.terminalId), String(item.officeCode));
    else {
      offices.push({
        officeCode: String(item.officeCode),
        paymentTerminalId: String(item.paymentTerminalId),
        createdAt: String(item.createdAt ?? ''),
        closed: item.status === 'closed',
      });
    }
  }
  return { offices, claims };
}

/** True when the claim was written: no claim existed, and the office still had the terminal. */
async function claim(db: DynamoDBDocumentClient, tableName: string, office: StoredOffice): Promise<boolean> {
  try {
    // Tried again while only contention cancels it (dynamo-transactions.ts); a failed condition is an answer.
    await transactWrite(db, {
      TransactItems: [
        {
          ConditionCheck: {
            TableName: tableName,
            Key: keys.office(office.officeCode),
            ConditionExpression: 'paymentTerminalId = :terminal',
            ExpressionAttributeValues: { ':terminal': office.paymentTerminalId },
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: terminalClaimItem(office.paymentTerminalId, office.officeCode),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    });
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException) return false;
    throw error;
  }
}

async function stillHolds(db: DynamoDBDocumentClient, tableName: string, office: StoredOffice): Promise<boolean> {
  const { Item } = await db.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.office(office.officeCode),
      ProjectionExpression: 'paymentTerminalId',
      ConsistentRead: true,
    }),
  );
  return Item?.paymentTerminalId === office.paymentTerminalId;
}

/** The office code whose claim holds the terminal now, if any. */
async function holderOf(db: DynamoDBDocumentClient, tableName: string, terminal: string): Promise<string | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.terminalClaim(terminal), ConsistentRead: true }),
  );
  return Item ? String(Item.officeCode) : undefined;
}
