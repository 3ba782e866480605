import {
  calendarRepositoryFromEnv,
  cryptoIds,
  documentUrlsFromEnv,
  petitionAdaptersFromEnv,
  petitionDepsFromEnv,
  submissionDepsFromEnv,
} from '../../shared/adapters/from-env';
import type { DefectCode } from '../../shared/domain/defects';
import type { Principal } from '../../shared/domain/roles';
import { type Clock, systemClock } from '../../shared/ports';
import { createPetitionSchema } from '../../shared/schemas/petition';
import { createDraft, submitPetition, transitionPetition } from '../../shared/use-cases/petitions';
import { recordPaidInFull } from './payments';
import { activeOffice, petitionBody, TEST_COURTS } from './petitions';

/** A clock stopped at an instant: the use cases below run at chosen Tehran times. */
export const at = (iso: string): Clock => ({ now: () => new Date(iso) });

/** A user of the court the test offices' civil petitions are routed to. */
export const courtClerk: Principal = {
  kind: 'court',
  userId: 'court-clerk',
  role: 'court',
  courtCode: TEST_COURTS['general-civil'],
};

/** The adapters a petition's life cycle takes, on the clock given (the system's by default). */
export function petitionDeps(clock: Clock = systemClock) {
  return {
    ...petitionAdaptersFromEnv(),
    ...submissionDepsFromEnv(),
    registry: petitionDepsFromEnv().registry,
    calendars: calendarRepositoryFromEnv(),
    documents: documentUrlsFromEnv(),
    ids: cryptoIds,
    clock,
  };
}

/**
 * A petition of a new South Khorasan office, filed, paid, submitted and returned by its court for
 * the defects given, all at `servedAt`: the defect notice is served then (version 3).
 */
export async function returnedOn(servedAt: string, defects: DefectCode[] = ['evidence']) {
  const officeCode = await activeOffice();
  const clerk: Principal = { kind: 'office', userId: 'clerk', role: 'clerk', officeCode };
  const deps = petitionDeps(at(servedAt));
  const { petition } = await createDraft(deps, clerk, createPetitionSchema.parse(petitionBody()));
  await recordPaidInFull(petition.petitionId, new Date(servedAt));
  await submitPetition(deps, clerk, petition.petitionId);
  const returned = await transitionPetition(deps, courtClerk, petition.petitionId, {
    action: 'return',
    defects,
    expectedVersion: 2,
  });
  return { officeCode, clerk, petitionId: petition.petitionId, returned };
}
