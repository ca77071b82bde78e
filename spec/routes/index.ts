import * as legacy from './legacy.js';
import * as session from './session.js';
import * as trade from './trade.js';
import * as dashboard from './dashboard.js';
import * as sandbox from './sandbox.js';
import * as sandboxState from './sandbox-state.js';
import * as autotrader from './autotrader.js';
import * as oauth from './oauth.js';
import * as orders from './orders.js';
import * as portfolio from './portfolio.js';
import * as sandboxFaults from './sandbox-faults.js';
import * as bracketCover from './bracket-cover.js';
import * as bulk from './bulk.js';
import * as gttOco from './gtt-oco.js';

import * as marketData from './market-data.js';
import * as candles from './market-data-candles.js';
import * as marketControl from './market-data-control.js';

import * as baskets from './baskets.js';
import * as analytics from './analytics.js';

export { legacy, session, oauth, trade, orders, portfolio, dashboard, sandbox, sandboxState, autotrader, bracketCover, bulk, gttOco, baskets, analytics, sandboxFaults };
export { marketData, candles, marketControl };

/** Every operation of the spec, in document order. */
export const allRoutes = [
  ...Object.values(legacy),
  ...Object.values(session),
  ...Object.values(oauth),
  ...Object.values(trade),
  ...Object.values(orders),
  ...Object.values(portfolio),
  ...Object.values(bracketCover),
  ...Object.values(bulk),
  ...Object.values(gttOco),
  ...Object.values(baskets),
  ...Object.values(analytics),
  ...Object.values(dashboard),
  ...Object.values(sandbox),
  ...Object.values(sandboxState),
  ...Object.values(autotrader),
  ...Object.values(marketData),
  ...Object.values(candles),
  ...Object.values(marketControl),
  ...Object.values(sandboxFaults),
];
