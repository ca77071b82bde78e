import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FiredFaultData, FaultRuleInputData } from '../../spec/schemas/faults.js';

type TransportFault = Extract<FaultRuleInputData['do'], { effect: 'reset' | 'cut' | 'hang' }>;
import type { SandboxDomain } from '../domain/domain.js';
import type { Reply } from './reply.js';
import type { AtUser } from '../domain/autotrader/types.js';
import type { ErrorCode } from '../../spec/errors.js';
import type { Result } from '../domain/result.js';
import type { Authenticated } from '../domain/sessions.js';
import type { Account } from '../domain/types.js';

/** @hono/node-server hands the Node request to handlers as the env binding `incoming`. */
export type SandboxEnv = {
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse; srcIp?: string };
  /** fault: the fault rule that fired on the request; sentStatus: what actually reached the client when a fault took the answer over (0: nothing). */
  Variables: {
    /** What authentication-first found, for the handler (one look-up per request). */
    sessionAuth?: Result<Authenticated>;
    dashboardAuth?: Result<Account>;
    atUser?: AtUser;
    account?: string;
    refusal?: ErrorCode;
    fault?: FiredFaultData;
    sentStatus?: number;
    didYouMean?: string;
    breakAfterCommit?: TransportFault;
  };
};
export type SandboxApp = OpenAPIHono<SandboxEnv>;
export type HttpDeps = {
  domain: SandboxDomain;
  reply: Reply;
  sourceIp: (c: Context<SandboxEnv>) => string;
  /** Whether the caller sent X-Forwarded-For that the sandbox does not use. */
  forwardedIgnored: (c: Context<SandboxEnv>) => boolean;
};
