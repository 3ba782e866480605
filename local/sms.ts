import { localSettings } from './settings';
import { readSentSms, smsFile } from './sms-outbox';

/**
 * `npm run sms`: the SMS the local sink of `npm start` has "sent", oldest first, as a citizen's
 * phone would show them (numbers masked). `npm run sms -- --last 5` shows the last five.
 */
function main(): void {
  const settings = localSettings();
  const at = process.argv.indexOf('--last');
  const last = at >= 0 ? Number(process.argv[at + 1]) : undefined;
  if (last !== undefined && !(Number.isInteger(last) && last > 0)) {
    console.error('npm run sms: --last takes a positive whole number');
    process.exit(2);
  }
  const messages = readSentSms(settings.dataDir);
  const shown = last === undefined ? messages : messages.slice(-last);
  if (messages.length === 0) {
    console.log(`No SMS yet (${smsFile(settings.dataDir)}). They appear as petitions change while npm start runs.`);
    return;
  }
  for (const message of shown) {
    console.log(`${message.sentAt}  → ${message.to}  (${message.segments} part${message.segments > 1 ? 's' : ''})`);
    console.log(message.text);
    console.log('');
  }
  console.log(`${shown.length} of ${messages.length} message(s), from ${smsFile(settings.dataDir)}`);
}

main();
