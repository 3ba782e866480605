/**
 * Powertools reads its settings when the shared logger and metrics are made, at the first import of
 * shared/observability, which start.ts's own imports reach before its body runs. So the local
 * defaults are set here, in the module start.ts imports first: metrics off (EMF documents add a
 * line per request; POWERTOOLS_METRICS_DISABLED=false shows them) and the service named.
 */
process.env.POWERTOOLS_SERVICE_NAME ??= 'judicial-e-services-local';
process.env.POWERTOOLS_LOG_LEVEL ??= 'INFO';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
