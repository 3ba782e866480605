import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type SinkRecord, SmsSink } from './sms-sink';

/**
 * Where `npm start` keeps the SMS its sink "sent": one JSON line per message in the data folder,
 * so `npm run sms` (another process) can list them and a restart keeps their local ids used (a
 * notice retried after a restart is still not printed twice). Numbers are stored masked, as printed.
 */
export const smsFile = (dataDir: string) => resolve(dataDir, 'sms', 'messages.jsonl');

export function readSentSms(dataDir: string): SinkRecord[] {
  const file = smsFile(dataDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as SinkRecord);
}

/** The sink of `npm start`: prints each message and appends it to the data folder. */
export function recordingSmsSink(dataDir: string): SmsSink {
  const file = smsFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  return new SmsSink({
    sent: readSentSms(dataDir),
    onRecord: (record) => appendFileSync(file, `${JSON.stringify(record)}\n`),
  });
}
