import { createRoute, z } from '@hono/zod-openapi';
import {
  AddGttRequest,
  AddGttResponse,
  AddOcoRequest,
  AddOcoResponse,
  DeleteGttRequest,
  DeleteGttResponse,
  GttBareFailure,
  GttIdQuery,
  ListGttOcoResponse,
  ListTypeFailure,
  ListTypeQuery,
  ModifyGttFailure,
  ModifyGttRequest,
  ModifyGttResponse,
  ModifyOcoRequest,
  ModifyOcoResponse,
} from '../schemas/gtt-oco.js';
import { FailureEnvelope } from '../schemas/envelope.js';
import { GTT_RULES } from '../schemas/market-rules.js';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';

const tags = ['GTT and OCO'];
const security = [{ sessionToken: [] }];
const WRITE_ERRORS = [...SESSION_ERRORS, 'IP_NOT_REGISTERED'] as const;
const WRITE = "An order call: from an IP that is not registered for the session's app it is refused with 403 (EOAUTH009).";
const MODEL = `A standing trigger, kept off the order book until it fires: when a price change of the simulated market reaches triggerPrice from the side the last traded price was on at creation (ltpAtCreation; at the trigger already counts as below), the order it carries is placed as a regular DAY order of its productType (visible in the order book, checked by the RMS, possibly REJECTED): L at limitPrice, MKT as a limit at the last traded price ± marketProtection % (default ${GTT_RULES.defaultMarketProtection}). The trigger then moves to the triggered list with the order's number (orderNumber), the time (triggeredAt) and any rejection (rejectReason). CNC or NRML (derivatives NRML).`;

/** The 400 answer of an operation whose published failure has its own shape beside the usual envelope. */
function with400(responses: {}, special: z.ZodType) {
  const r = responses as Record<number, { content: Record<string, { schema: unknown }> }>;
  r[400]!.content['application/json']!.schema = z.union([FailureEnvelope, special]);
  return responses;
}

export const addGtt = createRoute({
  operationId: 'addGtt',
  method: 'post',
  path: '/gttoco/addGtt',
  tags,
  summary: 'Add GTT',
  description: `${WRITE} ${MODEL} The answer echoes triggerPrice as sent and marketProtection ("" for L). An unknown symbol is answered as published, without msgId: "No Symbol found for the provided symbol name and exchange."; other refusals use the usual envelope with the sandbox's wording.`,
  security,
  request: { body: jsonBody(AddGttRequest) },
  responses: { ...okJson(AddGttResponse, 'GTT CREATED'), ...with400(failures(...BODY_ERRORS, ...WRITE_ERRORS, 'GTT_INVALID', 'ORDER_BFO_NOT_ALLOWED', 'MARKET_SYMBOL_NOT_FOUND'), GttBareFailure) },
});

const MODIFY =
  'Replaces the trigger: the answer carries a NEW gttSummaryId and the old one is dead (modify, delete and the market never see it again; it appears in no list). exchange and symbolName must be the original ones. An unknown, old, deleted or triggered id is answered "TRIGGER DOES NOT EXIST" with the request\'s orderDetails echoed, as published. gttSummaryId may be a number or a string.';

export const modifyGtt = createRoute({
  operationId: 'modifyGtt',
  method: 'put',
  path: '/gttoco/modifyGtt',
  tags,
  summary: 'Modify GTT',
  description: `${WRITE} ${MODIFY}`,
  security,
  request: { body: jsonBody(ModifyGttRequest) },
  responses: {
    ...okJson(ModifyGttResponse, 'GTT MODIFIED'),
    ...with400(failures(...BODY_ERRORS, ...WRITE_ERRORS, 'GTT_NOT_FOUND', 'GTT_INVALID', 'ORDER_BFO_NOT_ALLOWED', 'MARKET_SYMBOL_NOT_FOUND'), ModifyGttFailure),
  },
});

const DELETE =
  'The id comes in a JSON body on DELETE ({"gttSummaryId": 136045}, as the chapter sends it) or as the query parameter gttSummaryId (Samco\'s Java SDK). A triggered one cannot be deleted (sandbox wording); an unknown, old or already deleted id is "TRIGGER DOES NOT EXIST". A deleted trigger moves to the expired list with deletedAt.';

export const deleteGtt = createRoute({
  operationId: 'deleteGtt',
  method: 'delete',
  path: '/gttoco/deleteGtt',
  tags,
  summary: 'Delete GTT',
  description: `${WRITE} ${DELETE} statusMessage "GTT order Deleted" (the chapter's; the SDK READMEs show "GTT Deleted successfully").`,
  security,
  request: { query: GttIdQuery, body: { ...jsonBody(DeleteGttRequest), required: false } },
  responses: { ...okJson(DeleteGttResponse, 'GTT order Deleted'), ...failures(...BODY_ERRORS, ...WRITE_ERRORS, 'GTT_NOT_FOUND', 'GTT_TRIGGERED') },
});

const OCO = `Two triggers on one quantity and one orderType, meant as the exit of a held position: a SELL's target above its stop-loss, a BUY's (closing a short) below. Each leg fires as a GTT does; the first to fire places its order and cancels the other (if one price change reaches both, only the target fires). CNC BUY is refused with "EQ delivery buy orders are not allowed in GTT". stoplossTriggerPrice is required (the addOco table marks it optional; every sample sends it).`;

export const addOco = createRoute({
  operationId: 'addOco',
  method: 'post',
  path: '/gttoco/addOco',
  tags,
  summary: 'Add OCO',
  description: `${WRITE} ${MODEL} ${OCO} The success shape follows the Java/Python READMEs (the chapter shows only failure samples).`,
  security,
  request: { body: jsonBody(AddOcoRequest) },
  responses: { ...okJson(AddOcoResponse, 'GTT CREATED'), ...failures(...BODY_ERRORS, ...WRITE_ERRORS, 'GTT_INVALID', 'GTT_CNC_BUY', 'ORDER_BFO_NOT_ALLOWED', 'MARKET_SYMBOL_NOT_FOUND') },
});

export const modifyOco = createRoute({
  operationId: 'modifyOco',
  method: 'put',
  path: '/gttoco/modifyOco',
  tags,
  summary: 'Modify OCO',
  description: `${WRITE} ${MODIFY} ${OCO}`,
  security,
  request: { body: jsonBody(ModifyOcoRequest) },
  responses: {
    ...okJson(ModifyOcoResponse, 'GTT MODIFIED'),
    ...with400(failures(...BODY_ERRORS, ...WRITE_ERRORS, 'GTT_NOT_FOUND', 'GTT_INVALID', 'GTT_CNC_BUY', 'ORDER_BFO_NOT_ALLOWED', 'MARKET_SYMBOL_NOT_FOUND'), ModifyGttFailure),
  },
});

export const deleteOco = createRoute({
  operationId: 'deleteOco',
  method: 'delete',
  path: '/gttoco/deleteOco',
  tags,
  summary: 'Delete OCO',
  description: `${WRITE} Deletes both legs. ${DELETE} statusMessage "GTT OCO order Deleted" with orderDetails.userId (the chapter's; the SDK READMEs show "GTT Deleted successfully" with clientId).`,
  security,
  request: { query: GttIdQuery, body: { ...jsonBody(DeleteGttRequest), required: false } },
  responses: { ...okJson(DeleteGttResponse, 'GTT OCO order Deleted'), ...failures(...BODY_ERRORS, ...WRITE_ERRORS, 'GTT_NOT_FOUND', 'GTT_TRIGGERED') },
});

export const listGttOco = createRoute({
  operationId: 'listGttOco',
  method: 'get',
  path: '/gttoco/listGttOco',
  tags,
  summary: 'List GTT and OCO',
  description: `A read: the static IP is not checked. listType active (default), triggered or expired (deleted triggers, and derivative triggers after their contract's expiry day). A GTT has triggers.gtt, an OCO triggers.target and triggers.stopLoss; summary.gttType SINGLE or OCO (the OCO value is unpublished). Prices as two-decimal strings, quantity a string, summary.id a number. A bad listType is answered as published: {serverTime, status: "Failure", validationErrors: [" Enter a valid listType ( active / triggered / expired)."]}.`,
  security,
  request: { query: ListTypeQuery },
  responses: { ...okJson(ListGttOcoResponse, 'List of GTT / OCO orders received.'), ...with400(failures('VALIDATION', ...SESSION_ERRORS, 'GTT_LIST_TYPE'), ListTypeFailure) },
});
