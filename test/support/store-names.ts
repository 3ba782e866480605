import type { LocalNames } from '../../local/aws-edge/policies';

/**
 * Every test file works in a table and buckets of its own, named after its tenant (the worker and
 * a random suffix). The local AWS edge reads the same names from a function key's tenant, so a
 * file's functions are granted that file's table and buckets, as a deployment's are its own.
 */
export function storeNames(tenant: string): LocalNames {
  return {
    dataTable: `test-data-${tenant}`,
    idempotencyTable: `test-idempotency-${tenant}`,
    documentsBucket: `test-documents-${tenant}`,
    reportsBucket: `test-reports-${tenant}`,
  };
}
