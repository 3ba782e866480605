import { rmSync } from 'node:fs';
import type { RunningDynamo, RunningS3 } from '../../local/engines';

export default async function globalTeardown(): Promise<void> {
  const engines = (globalThis as { __engines?: { dynamo: RunningDynamo; s3: RunningS3; workDir: string } }).__engines;
  if (!engines) return;
  await engines.s3.stop();
  await engines.dynamo.stop();
  rmSync(engines.workDir, { recursive: true, force: true });
}
