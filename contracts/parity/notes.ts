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
  'GET /basket/listBasket':
    'The published 200 sample is not valid JSON (a comma after the last basket); read as if the comma were absent. updatedAt is "" until a basket is changed: the replay renamed its basket a step earlier (modifyBasket), so it carries a date.',
  'GET /gttoco/listGttOco':
    'The published 200 sample is not valid JSON (a comma after isExpired); read as if the comma were absent. The earlier steps deleted their GTT and OCO: the replay places the addGtt request again first.',
  'POST /marketDepth': 'The sample asks for a BFO BANKEX option the sandbox does not list (and answers for a NIFTY option): the replay asks for a listed BFO option of the same kind.',
  'POST /contractsAnalyser':
    'The sample analyses HDFCBANK Sep/Oct 2024 calls the sandbox does not list: the replay sends listed calls of the same exchange and kind in their place (the rest as published).',
  'GET /eqDervSearch/search':
    'The sample searches an expired contract (ZYDUSLIFE24MAYFUT on BFO) the sandbox does not list: the answer is an empty searchResults, so the item fields count as missing.',
  'GET /option/optionChain':
    'The sample asks for an expiry of 2024-10-03: the sandbox lists no contract of that expiry, so the answer is an empty optionChainDetails and the item fields count as missing.',
  'GET /future/futureChain':
    'The sample asks for an expiry of 2024-09-27: the sandbox lists no contract of that expiry, so the answer is an empty futureChainDetails and the item fields count as missing.',
  'GET /quote/indexQuote': 'change and changePercentage are JSON numbers in the sample and in the answer; the replayed index has not moved (0), which the format check reads as an integer.',
  'GET /quote/getQuote':
    'The sample asks for an ASIANPAINT option the sandbox does not list: the replay asks for a listed NFO option of the same kind. Real difference: the sample writes prices without trailing zeros ("14.7", "13.2", yearlyHighPrice "0"), the sandbox with two decimals ("145.20", "0.00"); the sandbox adds openInterest and spotPrice (in the page\'s field table, missing from its sample).',
  'POST /gttoco/addGtt':
    'Neither published request names a listed contract (WIPRO24JUN585PE on NFO, SENSEX502441823950PE on BFO): the replay sends the limit-order sample with a listed NFO option of the same kind, in whole lots of it (1495 for 1500).',
  'PUT /gttoco/modifyGtt': "Modifies the GTT addGtt created (the sample's id and contract replaced by it and its listed contract, in whole lots).",
  'POST /gttoco/addOco':
    'Both published samples are failures under the success heading (status and statusMessage "Failure", triggerIds "0", no gttSummaryId); the sandbox creates the OCO and answers "GTT CREATED" with its gttSummaryId, as the page\'s field table lists. The sample\'s "Failure" text is not reproduced.',
  'DELETE /basket/deleteBasket': 'The published 400 text shows a placeholder ("[basketId]") where the sandbox writes the ids it refused ("[65]").',
  'POST /basket/spanCalculator':
    "maxMargin and finalMargin are JSON numbers in the sample and in the answer; the replayed basket's margins are whole rupees, which the format check reads as integers.",
  'GET /intraday/candleData': 'The sample asks from 2019-11-11: the sandbox keeps no intraday candles that old, so the answer is an empty list and the candle fields count as missing.',
  'GET /intraday/indexCandleData': 'The sample asks from 2020-03-11: the sandbox keeps no intraday candles that old, so the answer is an empty list and the candle fields count as missing.',
  'GET /history/candleData': 'Prices are plain decimals in both ("682.75", "694.0"); which of the format classes a price falls in depends on its value (the answer\'s first low is "948.1").',
  'GET /history/indexCandleData':
    'Real difference: the sandbox writes index candle prices with two decimals ("85540.10"), the sample without trailing zeros ("689.9"; the sample repeats the scrip sample\'s INFY-like values).',
  'POST /spanMargin':
    'The sample prices an expired contract (NIFTY24MAR2627550CE) the sandbox does not list; the replay sends the listed NIFTY call of the same kind in its place, the rest of the sample as published.',
};
