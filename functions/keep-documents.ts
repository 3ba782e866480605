import { keepDocumentsDepsFromEnv } from '../shared/adapters/from-env';
import { type PetitionBusEvent, parseKeeperEvent } from '../shared/events/petition-events';
import { eventHandler } from '../shared/observability/event-handler';
import { logger } from '../shared/observability/logger';
import { forgetRemovedDocument, keepSubmittedDocuments } from '../shared/use-cases/documents';

type KeepDeps = Parameters<typeof keepSubmittedDocuments>[0] & Parameters<typeof forgetRemovedDocument>[0];

/**
 * The bus's document-keeper rule (DOCUMENT_KEEPER_RULE_PATTERN) invokes this with each `submitted`
 * (first submission or resubmission) and `reinstated` event: the petition's scans are re-tagged so
 * the draft clean-up rule spares them; and with each `document-removed` event: the removed
 * document's object is deleted. A failure throws, so Lambda and the rule retry, then
 * dead-letter.
 */
export function keepDocumentsHandler(deps: KeepDeps) {
  return eventHandler<PetitionBusEvent>().handler(async (busEvent) => {
    const event = parseKeeperEvent(busEvent.detail);
    if (event.type === 'document-removed') {
      const result = await forgetRemovedDocument(deps, event.petitionId, event.data.documentId);
      logger.info('removed document deleted', { eventId: event.eventId, petitionId: event.petitionId, ...result });
      return result;
    }
    const result = await keepSubmittedDocuments(deps, event.petitionId);
    logger.info('submitted documents kept', { eventId: event.eventId, petitionId: event.petitionId, ...result });
    return result;
  });
}

export const handler = keepDocumentsHandler(keepDocumentsDepsFromEnv());
