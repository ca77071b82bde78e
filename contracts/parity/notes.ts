/**
 * Where the sandbox deliberately differs from a published sample, and why (the reference's
 * "contradictions" tables): shown in the notes column of spec/PARITY.md.
 */
export const NOTES: Record<string, string> = {
  'POST /session/token': 'orderTypeList lists L and SL only: since v3.2.1 only those are accepted (release notes), though the sample lists MKT and SL-M.',
  'POST /login': 'The published 200 sample is not valid JSON (a comma after exchangeList); read as if the comma were absent.',
  'PUT /order/modifyOrder/{orderNumber}': 'statusMessage keeps the published double space ("Order  modified successfully.").',
  'GET /order/getOrderStatus': 'The sample shows orderStatus "Success" and an MIS fill; the sandbox answers the state of the order asked for.',
  'GET /ip/whoami': 'Unset IPs are "" (v3.2 release notes), not null as this page says.',
  'POST /oauth/authenticate': "The request field names (api_key, redirect_url, api_secret) are the sandbox's: the page posts a form Samco does not document field by field.",
  'GET /limit/getLimits':
    'The sample writes some zero amounts as "0" beside "0.00"; the sandbox writes every amount with two decimals, and adds collateralMarginAgainstShares (in the page\'s field table, missing from its sample).',
  'WSS wss://stream.samco.in':
    "Not replayed here: samples.json holds HTTP requests and answers, and the chapter's samples are WebSocket frames (a subscribe frame ending in a newline; quote and quote2 ticks wrapped in response.data). test/http/stream.test.ts sends the chapter's and the SDKs' frames and checks the ticks.",
  'GET /gttoco/listGttOco': 'The published 200 sample is not valid JSON (a comma after isExpired); read as if the comma were absent.',
  'GET /basket/listBasket': 'The published 200 sample is not valid JSON (a comma after the last basket); read as if the comma were absent.',
  'POST /spanMargin':
    'The sample prices an expired contract (NIFTY24MAR2627550CE) the sandbox does not list; the replay sends the listed NIFTY call of the same kind in its place, the rest of the sample as published.',
};
