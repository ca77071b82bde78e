import * as legacy from './legacy.js';
import * as session from './session.js';
import * as trade from './trade.js';
import * as dashboard from './dashboard.js';
import * as sandbox from './sandbox.js';
import * as autotrader from './autotrader.js';
import * as oauth from './oauth.js';

export { legacy, session, oauth, trade, dashboard, sandbox, autotrader };

/** Every operation of the spec, in document order. */
export const allRoutes = [
  ...Object.values(legacy),
  ...Object.values(session),
  ...Object.values(oauth),
  ...Object.values(trade),
  ...Object.values(dashboard),
  ...Object.values(sandbox),
  ...Object.values(autotrader),
];
