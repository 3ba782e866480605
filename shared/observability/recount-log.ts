import type { RecountOutcome } from '../use-cases/lapses';
import { logger } from './logger';

/**
 * What a calendar change's recount of deadlines did, in counts (never a petition's content). An
 * incomplete one is an error to look at, not a failed request: the change is stored, and the lapse
 * job counts every period again before it lapses it, so only the early notice was lost.
 */
export function logRecount(outcome: RecountOutcome): void {
  const counts = { moved: outcome.moved.length, skipped: outcome.skipped, failed: outcome.failed };
  if (outcome.failed > 0) logger.error('deadline recount incomplete: the lapse job counts the rest', counts);
  else logger.info('deadlines recounted', counts);
}
