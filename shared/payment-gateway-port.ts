import type { GatewayCallback, GatewayReversal, GatewayVerification } from './domain/payments';

/**
 * The port to an Iranian internet payment gateway (a Shaparak PSP), shaped on the token / redirect
 * / callback / verify / reverse protocol they share. One instance serves every terminal: the
 * judiciary's and each office's are different terminals of the same kind of gateway, so the
 * terminal travels with each call. docs/payment-gateway-contract.md says what a provider must
 * offer to plug in. Belongs in shared/ports.ts once the payment routes are wired.
 */
export interface PaymentTokenRequest {
  terminalId: string;
  amountRials: string;
  /** Our order id (ResNum): unique per attempt, matched against the callback. */
  orderId: string;
  /** Where the gateway sends the payer's browser back, with the result. */
  callbackUrl: string;
  /** The payer's mobile, which gateways use to offer saved cards. */
  mobile?: string;
}

/** How to send the payer's browser to the gateway: a link, or a form to auto-submit. */
export interface PaymentRedirect {
  method: 'GET' | 'POST';
  url: string;
  fields: Record<string, string>;
}

export interface GatewayReference {
  refNum: string;
  terminalId: string;
}

export interface PaymentGateway {
  /** How long after a payment the gateway still accepts a verify before reversing by itself. */
  readonly verifyWindowMs: number;
  /** How long an issued token can be used to pay. */
  readonly tokenLifetimeMs: number;
  /** Throws GatewayRefusedError when the gateway declines (unknown terminal, bad amount...). */
  requestToken(request: PaymentTokenRequest): Promise<{ token: string }>;
  redirect(token: string): PaymentRedirect;
  /** Reads the callback's form fields; throws GatewayProtocolError when they do not make a callback. */
  parseCallback(body: string | URLSearchParams | Record<string, unknown>): GatewayCallback;
  /**
   * Server to server, and the only proof of payment. Idempotent at the gateway: a repeat answers
   * `duplicate: true`. Throws GatewayUnavailableError when no answer came, the one case in which
   * the caller should simply call it again.
   */
  verify(reference: GatewayReference): Promise<GatewayVerification>;
  /** Gives the money back for a payment we will not keep. */
  reverse(reference: GatewayReference): Promise<GatewayReversal>;
}

/** No answer (network, timeout, 5xx): the request may or may not have been applied; retry. */
export class GatewayUnavailableError extends Error {
  constructor(
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(`Payment gateway did not answer: ${operation}`, options);
    this.name = 'GatewayUnavailableError';
  }
}

/** An answer or a callback that does not follow the protocol. */
export class GatewayProtocolError extends Error {
  constructor(readonly what: string) {
    super(`Payment gateway protocol error: ${what}`);
    this.name = 'GatewayProtocolError';
  }
}

/** The gateway understood and declined. */
export class GatewayRefusedError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
  ) {
    super(`Payment gateway refused (${code}): ${description}`);
    this.name = 'GatewayRefusedError';
  }
}
