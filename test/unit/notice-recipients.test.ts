import {
  NOTICE_TABLE,
  type NoticeParty,
  noticePartiesOf,
  noticeRecipients,
} from '../../shared/domain/notice-recipients';
import type { Party, PetitionKind } from '../../shared/domain/petition';
import { PETITION_EVENT_TYPES, type PetitionEventType } from '../../shared/events/petition-events';

const claimant: NoticeParty = { role: 'claimant', type: 'person', hasMobile: true };
const defendant: NoticeParty = { role: 'defendant', type: 'person', hasMobile: true };
const CIVIL_KINDS: PetitionKind[] = ['civil-petition', 'request', 'appeal', 'written-statement'];

const whoHears = (type: PetitionEventType, kind: PetitionKind, parties: NoticeParty[], caseNumber?: string) =>
  noticeRecipients({ type, kind, ...(caseNumber ? { caseNumber } : {}) }, parties);

describe('the claimant', () => {
  const kinds = ['civil-petition', 'criminal-complaint'] as const;
  // The one change nobody is told of: the office's own correction, made with the petitioner there.
  const SILENT = new Set<PetitionEventType>(['document-removed']);
  const combos = PETITION_EVENT_TYPES.filter((type) => !SILENT.has(type)).flatMap((type) =>
    kinds.map((kind) => [type, kind] as const),
  );

  it.each(combos)('hears of %s in a %s by SMS', (type, kind) => {
    const recipients = whoHears(type, kind, [claimant, defendant]);

    expect(recipients.find((r) => r.role === 'claimant')).toMatchObject({ partyIndex: 0, audience: 'claimant' });
    expect(recipients.find((r) => r.role === 'claimant')?.channels).toContain('sms');
  });

  it.each(kinds)('hears nothing of a document the office removed, in a %s', (kind) => {
    expect(whoHears('document-removed', kind, [claimant, defendant], '140400001234')).toEqual([]);
  });

  it.each(['returned', 'rejected'] as const)('is served the %s notice electronically as well as by SMS', (type) => {
    const [recipient] = whoHears(type, 'civil-petition', [claimant]);

    expect(recipient?.channels).toEqual(['sms', 'e-notice']);
  });

  it('is told every change when there are several claimants, each one', () => {
    const recipients = whoHears('dispatched', 'civil-petition', [claimant, defendant, claimant]);

    expect(recipients.map((r) => r.partyIndex)).toEqual([0, 2]);
  });
});

describe('the defendant in a civil case', () => {
  const beforeRegistration = PETITION_EVENT_TYPES.filter((type) => type !== 'registered');

  it.each(CIVIL_KINDS.flatMap((kind) => beforeRegistration.map((type) => [type, kind] as const)))(
    'hears nothing of %s in a %s before the court registers the case',
    (type, kind) => {
      const recipients = whoHears(type, kind, [claimant, defendant]);

      expect(recipients.filter((r) => r.role === 'defendant')).toEqual([]);
    },
  );

  it.each(CIVIL_KINDS)('hears of the registration of a %s by SMS', (kind) => {
    const recipients = whoHears('registered', kind, [claimant, defendant], '140400001234');

    expect(recipients.find((r) => r.role === 'defendant')).toEqual({
      partyIndex: 1,
      role: 'defendant',
      audience: 'defendant',
      channels: ['sms'],
    });
  });

  // Changes to the case itself; the claimant's own papers, payments and cure are not the defendant's business.
  const CASE_CHANGES = new Set<PetitionEventType>(['reassigned', 'registered', 'rejected', 'reinstated', 'withdrawn']);

  it.each(PETITION_EVENT_TYPES.map((type) => [type, CASE_CHANGES.has(type)] as const))(
    'once the case is registered, %s reaches the defendant: %s',
    (type, told) => {
      const recipients = whoHears(type, 'civil-petition', [claimant, defendant], '140400001234');

      expect(recipients.some((r) => r.role === 'defendant')).toBe(told);
    },
  );

  it.each(['document-rejected', 'payment-verified', 'returned'] as const)(
    'never hears of the claimant’s own %s, even after registration',
    (type) => {
      const recipients = whoHears(type, 'civil-petition', [claimant, defendant], '140400001234');

      expect(recipients.map((r) => r.role)).toEqual(['claimant']);
    },
  );
});

describe('the accused in a criminal complaint', () => {
  it.each(PETITION_EVENT_TYPES)('is never told of %s, not even once a case number exists', (type) => {
    const before = whoHears(type, 'criminal-complaint', [claimant, defendant]);
    const after = whoHears(type, 'criminal-complaint', [claimant, defendant], '140400001234');

    expect([...before, ...after].filter((r) => r.role === 'defendant')).toEqual([]);
  });

  it('has an empty column in the one table, for every event', () => {
    expect(PETITION_EVENT_TYPES.filter((type) => NOTICE_TABLE[type].accused.length > 0)).toEqual([]);
  });
});

describe('channels a party can receive', () => {
  const company: NoticeParty = { role: 'claimant', type: 'legal-entity', hasMobile: false };
  const noMobile: NoticeParty = { role: 'claimant', type: 'person', hasMobile: false };

  it.each([
    ['a legal entity', company],
    ['a person with no mobile on file', noMobile],
  ])('%s gets no SMS but is still served the defect notice electronically', (_, party) => {
    expect(whoHears('returned', 'civil-petition', [party])).toEqual([
      { partyIndex: 0, role: 'claimant', audience: 'claimant', channels: ['e-notice'] },
    ]);
    expect(whoHears('dispatched', 'civil-petition', [party])).toEqual([]);
  });

  it('a legal entity flagged with a mobile by mistake still gets no SMS', () => {
    const confused: NoticeParty = { role: 'claimant', type: 'legal-entity', hasMobile: true };

    expect(whoHears('submitted', 'civil-petition', [confused])).toEqual([]);
  });
});

describe('noticePartiesOf', () => {
  it('keeps only role, type and whether a mobile exists: no name, national ID or number', () => {
    const parties: Party[] = [
      {
        type: 'person',
        role: 'claimant',
        nationalId: '0499370899',
        firstName: 'علی',
        lastName: 'رضایی',
        fatherName: 'حسن',
        mobile: '09121234567',
      },
      { type: 'legal-entity', role: 'defendant', nationalId: '10101234567', name: 'شرکت نمونه' },
      {
        type: 'person',
        role: 'defendant',
        nationalId: '0067749828',
        firstName: 'مریم',
        lastName: 'احمدی',
        fatherName: 'رضا',
      },
    ];

    const noticeParties = noticePartiesOf(parties);

    expect(noticeParties).toEqual([
      { role: 'claimant', type: 'person', hasMobile: true },
      { role: 'defendant', type: 'legal-entity', hasMobile: false },
      { role: 'defendant', type: 'person', hasMobile: false },
    ]);
    expect(JSON.stringify(noticeParties)).not.toMatch(/0499370899|09121234567|علی|شرکت/);
  });
});
