// Imported first by run.ts: Powertools reads these when the handlers' modules load, and a bench
// should measure the code, not the console writing one EMF document per request.
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
