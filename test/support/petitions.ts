import { randomInt, randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { DynamoOfficeRepository } from '../../shared/adapters/dynamo-office-repository';
import { readEnv, tableEnvShape } from '../../shared/config';
import { withPersonCheckDigit } from '../../shared/domain/national-id';
import { newOffice } from '../../shared/domain/office';
import { uniqueOfficeCode } from './fixtures';

const config = () => readEnv(tableEnvShape);

/** A random, valid person national ID. */
export function nationalId(): string {
  return withPersonCheckDigit(String(randomInt(100_000_000, 999_999_999)));
}

/** Registers an office in this file's table (active unless told) and returns its code. */
export async function activeOffice(status: 'active' | 'planned' = 'active'): Promise<string> {
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
    ...overrides,
  };
}

export const idempotencyKey = () => `key-${randomUUID()}`;

export async function counter(officeCode: string, period: string): Promise<Record<string, unknown> | undefined> {
  const db = createDocumentClient(config());
  const { Item } = await db.send(
    new GetCommand({
      TableName: config().TABLE_NAME,
      Key: { pk: `OFFICE#${officeCode}`, sk: `COUNT#${period}` },
      ConsistentRead: true,
    }),
  );
  db.destroy();
  return Item;
}
