import { citizenSideOf, trackerIdsOf, trackerKeysOf } from '../../shared/domain/citizen-access';
import { noticePartiesOf, noticeRecipients } from '../../shared/domain/notice-recipients';
import { PARTY_ROLES, type Party, PETITION_KINDS, type PetitionKind } from '../../shared/domain/petition';
import { partyKeysOf } from '../../shared/domain/tracking-code';
import { PETITION_EVENT_TYPES } from '../../shared/events/petition-events';

/**
 * What a citizen route shows whom (shared/domain/citizen-access.ts): a side decided from the
 * petition's own parties by the notice table's rules, so that no route shows a party what the
 * notices would never tell them.
 */
const CLAIMANT_ID = '0499370899';
const DEFENDANT_ID = '0013542419';
const STRANGER_ID = '0067749828';
const COMPANY_ID = '10380284790';
const CIVIL_KINDS = PETITION_KINDS.filter((kind) => kind !== 'criminal-complaint');

const person = (role: Party['role'], nationalId: string): Party => ({
  type: 'person',
  role,
  nationalId,
  firstName: 'نام',
  lastName: 'خانوادگی',
  fatherName: 'پدر',
  mobile: '09151234567',
});
const parties = [person('claimant', CLAIMANT_ID), person('defendant', DEFENDANT_ID)];
const petitionOf = (kind: PetitionKind, caseNumber?: string, of: Party[] = parties) => ({
  kind,
  parties: of,
  ...(caseNumber ? { caseNumber } : {}),
});

describe('the side a national ID stands on', () => {
  it.each(PETITION_KINDS)('is the petitioner for the claimant, in a petition of kind %s, registered or not', (kind) => {
    // Prepare
    const before = petitionOf(kind);
    const after = petitionOf(kind, '14030001');

    // Act
    const sides = [citizenSideOf(before, CLAIMANT_ID), citizenSideOf(after, CLAIMANT_ID)];

    // Assess
    expect(sides).toEqual(['petitioner', 'petitioner']);
  });

  it('is none for the accused of a criminal complaint, even once it has a case number', () => {
    // Act
    const sides = [
      citizenSideOf(petitionOf('criminal-complaint'), DEFENDANT_ID),
      citizenSideOf(petitionOf('criminal-complaint', '14030002'), DEFENDANT_ID),
    ];

    // Assess
    expect(sides).toEqual([undefined, undefined]);
  });

  it.each(CIVIL_KINDS)(
    'is none for the defendant, in a petition of kind %s, until the case is registered, then the other party',
    (kind) => {
      // Act
      const before = citizenSideOf(petitionOf(kind), DEFENDANT_ID);
      const after = citizenSideOf(petitionOf(kind, '14030003'), DEFENDANT_ID);

      // Assess
      expect([before, after]).toEqual([undefined, 'other-party']);
    },
  );

  it('weighs a company defendant by its legal national ID like a person', () => {
    // Prepare
    const company: Party = { type: 'legal-entity', role: 'defendant', nationalId: COMPANY_ID, name: 'شرکت نمونه' };
    const withCompany = [person('claimant', CLAIMANT_ID), company];

    // Act
    const before = citizenSideOf(petitionOf('civil-petition', undefined, withCompany), COMPANY_ID);
    const after = citizenSideOf(petitionOf('civil-petition', '14030004', withCompany), COMPANY_ID);

    // Assess
    expect([before, after]).toEqual([undefined, 'other-party']);
  });

  it('is none for an ID that is no party, and the petitioner for an ID on both sides', () => {
    // Prepare
    const bothSides = [person('claimant', CLAIMANT_ID), person('defendant', CLAIMANT_ID)];

    // Act
    const stranger = citizenSideOf(petitionOf('civil-petition', '14030005'), STRANGER_ID);
    const both = citizenSideOf(petitionOf('criminal-complaint', undefined, bothSides), CLAIMANT_ID);

    // Assess
    expect([stranger, both]).toEqual([undefined, 'petitioner']);
  });

  /**
   * The notice table and the citizen routes agree: a party has a side exactly when some change
   * the petition can still go through tells them (before registration, any change but the
   * registration itself; after it, any change with the case number).
   */
  it.each(
    PETITION_KINDS.flatMap((kind) =>
      PARTY_ROLES.flatMap((role) => [[kind, role, false] as const, [kind, role, true] as const]),
    ),
  )('agrees with the notice table: kind %s, the %s, registered %s', (kind, role, registered) => {
    // Prepare
    const party = person(role, DEFENDANT_ID);
    const caseNumber = registered ? '14030006' : undefined;
    const types = PETITION_EVENT_TYPES.filter((type) => registered || type !== 'registered');

    // Act
    const told = types.some(
      (type) =>
        noticeRecipients({ type, kind, ...(caseNumber ? { caseNumber } : {}) }, noticePartiesOf([party])).length > 0,
    );
    const side = citizenSideOf(petitionOf(kind, caseNumber, [party]), DEFENDANT_ID);

    // Assess
    expect(side !== undefined).toBe(told);
  });
});

describe('who may track: the keys on the code entry', () => {
  it('keys only the complainant of a criminal complaint, and a civil defendant only once registered', () => {
    // Prepare
    const code = '123456789014';

    // Act
    const complaint = trackerIdsOf(petitionOf('criminal-complaint', '14030007'));
    const civilBefore = trackerKeysOf(code, petitionOf('civil-petition'));
    const civilAfter = trackerKeysOf(code, petitionOf('civil-petition', '14030008'));

    // Assess
    expect(complaint).toEqual([CLAIMANT_ID]);
    expect(civilBefore).toEqual(partyKeysOf(code, [{ nationalId: CLAIMANT_ID }]));
    expect(civilAfter).toEqual(partyKeysOf(code, [{ nationalId: CLAIMANT_ID }, { nationalId: DEFENDANT_ID }]));
  });
});
