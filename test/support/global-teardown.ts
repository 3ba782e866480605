import { rmSync } from 'node:fs';
import type { RunningEdge } from '../../local/aws-edge/edge';
import type { RunningDynamo, RunningS3 } from '../../local/engines';
import type { RunningGatewaySimulator } from '../../local/payment-gateway-simulator';

export default async function globalTeardown(): Promise<void> {
  const engines = (
    globalThis as {
      __engines?: {
        dynamo: RunningDynamo;
        s3: RunningS3;
        edge: RunningEdge;
        workDir: string;
        paymentGateway: RunningGatewaySimulator;
      };
    }
  ).__engines;
  if (!engines) return;
  await engines.paymentGateway.close();
  await engines.edge.stop();
  await engines.s3.stop();
  await engines.dynamo.stop();
  rmSync(engines.workDir, { recursive: true, force: true });
}
