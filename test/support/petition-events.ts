import { DEFECT_CODES } from '../../shared/domain/defects';
import type { PetitionKind } from '../../shared/domain/petition';
import { dammCheckDigit } from '../../shared/domain/tracking-code';
import { PETITION_EVENT_TYPES, type PetitionEvent, type PetitionEventType } from '../../shared/events/petition-events';

const base11 = '98765432109';
/** A valid 12-digit tracking code (the Damm check digit makes it so). */
export const TRACKING_CODE = base11 + String(dammCheckDigit(base11));
export const CASE_NUMBER_LONGEST = '14049876543210987654'; // 20 digits, the schema's most
export const AMOUNT_LONGEST = '987654321098765432109'; // 21 digits, the schema's most
/** The Solar Hijri day with the longest written form: a two-digit day of Ordibehesht (اردیبهشت). */
export const LONGEST_DAY = '1404-02-29';
export const COURT = '56-PEACE-01';
const DOCUMENT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

export interface EventOptions {
  kind?: PetitionKind;
  caseNumber?: string;
  resubmission?: boolean;
  draft?: boolean;
  /** The period a moved deadline belongs to; the objection window's label is the longer. */
  period?: 'cure' | 'objection';
}

/**
 * One valid event of each type, with the longest values the schema allows where a value reaches
 * an SMS: every defect, a 20-digit case number, an 18-digit amount, the longest written date.
 */
export function sampleEvent(type: PetitionEventType, options: EventOptions = {}): PetitionEvent {
  const envelope = {
    eventId: '1c6b7f8e-4a0b-4a7e-9c6e-2b2d5d0b9a11',
    version: 1 as const,
    occurredAt: '2025-10-04T06:30:00.000Z',
    petitionId: '0f8e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    petitionVersion: 7,
    kind: options.kind ?? 'civil-petition',
    officeCode: '56101',
    trackingCode: TRACKING_CODE,
    ...(options.caseNumber ? { caseNumber: options.caseNumber } : {}),
  };
  const atCourt = { ...envelope, courtCode: COURT };
  const deadline = { lastDay: LONGEST_DAY, endsAt: '2025-05-19T20:30:00.000Z', provisional: false };
  const served = '2025-10-04T06:30:00.000Z';
  const draftless = options.draft ? (({ trackingCode: _, ...rest }) => rest)(envelope) : envelope;
  switch (type) {
    case 'submitted':
      return { ...envelope, type, data: { month: '1404-07', resubmission: options.resubmission ?? false } };
    case 'routed':
      return { ...atCourt, type, data: { flaggedForReview: false } };
    case 'reassigned':
      return { ...atCourt, type, data: { previousCourtCode: '56-CIVIL-02' } };
    case 'dispatched':
      return { ...atCourt, type, data: {} };
    case 'registered':
      return { ...atCourt, caseNumber: options.caseNumber ?? CASE_NUMBER_LONGEST, type, data: {} };
    case 'returned':
      return { ...atCourt, type, data: { defects: [...DEFECT_CODES], servedAt: served, cureDeadline: deadline } };
    case 'rejection-due':
      return { ...atCourt, type, data: { cureDeadline: deadline } };
    case 'rejected':
      return {
        ...atCourt,
        type,
        data: { reason: 'cure-period-lapsed', servedAt: served, objectionDeadline: deadline },
      };
    case 'reinstated':
      return { ...atCourt, type, data: {} };
    case 'withdrawn':
      return { ...envelope, type, data: { previousStatus: 'submitted' } };
    case 'document-rejected':
      return { ...draftless, type, data: { documentId: DOCUMENT_ID, reason: 'checksum-mismatch' } };
    case 'document-removed':
      return { ...draftless, type, data: { documentId: DOCUMENT_ID } };
    case 'payment-verified':
      return { ...draftless, type, data: { paymentId: 'pay-000001', payee: 'court-fee', amountRials: AMOUNT_LONGEST } };
    case 'deadline-moved':
      return {
        ...atCourt,
        type,
        data: { period: options.period ?? 'objection', previousDeadline: deadline, deadline },
      };
  }
}

/** Every type once, plus the variants that change an SMS: resubmission, and drafts without a tracking code. */
export function allSampleEvents(options: EventOptions = {}): PetitionEvent[] {
  return [
    ...PETITION_EVENT_TYPES.map((type) => sampleEvent(type, options)),
    sampleEvent('submitted', { ...options, resubmission: true }),
    sampleEvent('document-rejected', { ...options, draft: true }),
    sampleEvent('payment-verified', { ...options, draft: true }),
    sampleEvent('deadline-moved', { ...options, period: 'cure' }),
  ];
}
