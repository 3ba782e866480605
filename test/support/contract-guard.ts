import { contractViolations } from './contract';

// Runs after every test: an answer outside the published contract fails the test that got it,
// wherever the answer came from (a handler called directly, or through the local gateway).
afterEach(() => {
  const seen = contractViolations.splice(0);
  if (seen.length > 0) throw new Error(`Answers outside the published contract:\n${seen.join('\n')}`);
});
