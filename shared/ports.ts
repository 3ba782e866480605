import type { Office, OfficeStatus } from './domain/office';

/** Time is a port so that tests can submit "at 23:59 Tehran time" without waiting for it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface OfficeFilter {
  status?: OfficeStatus;
  province?: string;
}

export interface OfficeRepository {
  /** Throws ConflictError('office-exists') when the code is taken. */
  insert(office: Office): Promise<void>;
  get(officeCode: string): Promise<Office | undefined>;
  list(filter?: OfficeFilter): Promise<Office[]>;
  /** Writes `office` only if the stored one is still at `expectedVersion`; else ConflictError('office-changed'). */
  replace(office: Office, expectedVersion: number): Promise<void>;
}
