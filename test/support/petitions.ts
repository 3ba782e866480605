import { randomInt, randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { DynamoCourtRepository } from '../../shared/adapters/dynamo-court-repository';
import { keys } from '../../shared/adapters/dynamo-keys';
import { DynamoOfficeRepository } from '../../shared/adapters/dynamo-office-repository';
import { readEnv, tableEnvShape } from '../../shared/config';
import { type CourtKind, newCourt } from '../../shared/domain/court';
import { ConflictError } from '../../shared/domain/errors';
import { withPersonCheckDigit } from '../../shared/domain/national-id';
import { newOffice } from '../../shared/domain/office';
import { TEST_COURT } from './api-event';
import { uniqueOfficeCode } from './fixtures';

const config = () => readEnv(tableEnvShape);

/** A random, valid person national ID. */
export function nationalId(): string {
  return withPersonCheckDigit(String(randomInt(100_000_000, 999_999_999)));
}

/** The test offices' district (بیرجند, South Khorasan) has a court of each kind routing needs. */
export const TEST_COURTS: Record<'peace' | 'general-civil' | 'prosecutor' | 'appeal', string> = {
  peace: 'TEST-BIR-PEACE',
  'general-civil': TEST_COURT,
  prosecutor: 'TEST-BIR-PROS',
  appeal: 'TEST-APPEAL-29',
};

let courtsRegistered: Promise<void> | undefined;

/** Registers the test district's courts in this file's table, once. */
export function testCourts(): Promise<void> {
  courtsRegistered ??= (async () => {
    const repository = new DynamoCourtRepository(createDocumentClient(config()), config().TABLE_NAME);
    for (const [kind, courtCode] of Object.entries(TEST_COURTS) as Array<[CourtKind, string]>) {
      const court = newCourt(
        {
          courtCode,
          name: `دادگاه آزمون ${kind === 'appeal' ? 'استان' : 'بیرجند'}`,
          provinceCode: '29',
          judicialDistrict: 'بیرجند',
          kind,
          status: 'active',
        },
        new Date(),
      );
      await repository.insert(court).catch((error: unknown) => {
        if (!(error instanceof ConflictError)) throw error;
      });
    }
  })();
  return courtsRegistered;
}

/** Registers an office in this file's table (active unless told), and its district's courts, and returns its code. */
export async function activeOffice(status: 'active' | 'planned' = 'active'): Promise<string> {
  await testCourts();
  const officeCode = uniqueOfficeCode();
  const repository = new DynamoOfficeRepository(createDocumentClient(config()), config().TABLE_NAME);
  await repository.insert(
    newOffice(
      {
        officeCode,
        name: 'دفتر خدمات الکترونیک قضایی آزمون',
        provinceCode: '29',
        judicialDistrict: 'بیرجند',
        county: 'بیرجند',
        deprivedArea: false,
        status,
        contact: { phone: '05632220000' },
        paymentTerminalId: `9${officeCode}`,
      },
      new Date(),
    ),
  );
  return officeCode;
}

/** An office of South Khorasan in a district (خوسف) with no court: its petitions go to the province's fallback. */
export async function officeWithoutCourts(): Promise<string> {
  const officeCode = uniqueOfficeCode();
  await new DynamoOfficeRepository(createDocumentClient(config()), config().TABLE_NAME).insert(
    newOffice(
      {
        officeCode,
        name: 'دفتر خدمات الکترونیک قضایی خوسف',
        provinceCode: '29',
        judicialDistrict: 'خوسف',
        county: 'خوسف',
        deprivedArea: false,
        status: 'active',
        contact: {},
      },
      new Date(),
    ),
  );
  return officeCode;
}

export function petitionBody(claimantId = nationalId(), overrides: Record<string, unknown> = {}) {
  return {
    kind: 'civil-petition',
    subject: 'مطالبه وجه چک',
    description: 'خواهان مبلغ چک برگشتی را مطالبه می‌کند.',
    claimAmountRials: '1250000000',
    parties: [
      {
        type: 'person',
        role: 'claimant',
        nationalId: claimantId,
        firstName: 'زهرا',
        lastName: 'محمدی',
        fatherName: 'علی',
        mobile: '09151234567',
      },
      { type: 'legal-entity', role: 'defendant', nationalId: '10380284790', name: 'شرکت نمونه' },
    ],
    // Written statements and appeals name their case: a case of the test district's civil court.
    ...(overrides.kind === 'appeal' || overrides.kind === 'written-statement'
      ? { caseReference: { courtCode: TEST_COURT, caseNumber: '140312345678' } }
      : {}),
    ...overrides,
  };
}

export const idempotencyKey = () => `key-${randomUUID()}`;

/** One item as stored, read consistently. */
async function storedItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const db = createDocumentClient(config());
  const { Item } = await db.send(new GetCommand({ TableName: config().TABLE_NAME, Key: key, ConsistentRead: true }));
  db.destroy();
  return Item;
}

export const counter = (officeCode: string, period: string) => storedItem(keys.counter(officeCode, period));

/** A petition's item as stored, with its index keys. */
export const storedPetitionItem = (petitionId: string) => storedItem(keys.petition(petitionId));
