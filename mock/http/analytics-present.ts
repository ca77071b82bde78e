import { dayDate, type StrategyGroup, type TradeMetrics, type Window } from '../domain/analytics.js';
import { amount } from '../domain/money.js';

/** The Trade View chapter's shapes: figures as two-decimal strings, holding days whole, totalTransaction a number. */

const days = (n: number) => String(n);

export function summaryJson(m: TradeMetrics, window: Window, groups: StrategyGroup[]) {
  return {
    insightMessage: insights(m, window, groups),
    samcoSucessProbabilityRatio: amount(m.successRatio),
    strikeRateWinningTrade: amount(m.winRate),
    strikeRateLosingTrade: amount(m.lossRate),
    averageWinSize: amount(m.averageWinSize),
    averageLossSize: amount(m.averageLossSize),
    averageHoldingWinningTrade: days(m.averageHoldingWin),
    averageHoldingLosingTrade: days(m.averageHoldingLoss),
    averageGainPercentage: amount(m.averageGainPercentage),
    averageLossPercentage: amount(m.averageLossPercentage),
    startDate: dayDate(window.startDay),
    endDate: dayDate(window.endDay),
  };
}

export function detailsJson(m: TradeMetrics, window: Window, groups: StrategyGroup[]) {
  return {
    averageWinSize: amount(m.averageWinSize),
    averageLossSize: amount(m.averageLossSize),
    samcoSuccessProbabilityRatio: amount(m.successRatio),
    strikeRateWinningTrades: amount(m.winRate),
    strikeRateLosingTrades: amount(m.lossRate),
    averageHoldingPeriodWin: days(m.averageHoldingWin),
    averageHoldingPeriodLoss: days(m.averageHoldingLoss),
    startDate: dayDate(window.startDay),
    endDate: dayDate(window.endDay),
    averageGainPercentage: amount(m.averageGainPercentage),
    averageLossPercentage: amount(m.averageLossPercentage),
    strategyList: groups.map((g) => ({
      groupName: g.groupName,
      strategywiseList: g.strategies.map(({ strategy, metrics: s, gainShare }) => ({
        strategy,
        averagePL: amount(s.trades === 0 ? 0 : s.totalPnl / s.trades),
        plContribution: amount(gainShare),
        winningTradesPercentage: amount(s.winRate),
        losingTradesPercentage: amount(s.lossRate),
        sspRatio: amount(s.successRatio),
        strikeRateWinningTrades: amount(s.winRate),
        strikeRateLosingTrades: amount(s.lossRate),
        averageGainPercentage: amount(s.averageGainPercentage),
        averageLossPercentage: amount(s.averageLossPercentage),
        strikeRatePercentage: amount(s.winRate),
        averageWinSize: amount(s.averageWinSize),
        averageLossSize: amount(s.averageLossSize),
        holdingPeriodWinners: days(s.holdingWinners),
        holdingPeriodLossers: days(s.holdingLosers),
        avgHoldingPeriodWin: days(s.averageHoldingWin),
        avgHoldingPeriodLoss: days(s.averageHoldingLoss),
        totalTransaction: s.transactions,
      })),
    })),
  };
}

/** What the figures say, in the sandbox's words (Samco's insight texts are its own): <b> around the numbers, as published. */
function insights(m: TradeMetrics, window: Window, groups: StrategyGroup[]) {
  const period = `${dayDate(window.startDay)} to ${dayDate(window.endDay)}`;
  if (m.trades === 0) {
    return [
      { AndekhaSach: `You have no closed trades from <b>${period}</b>.`, ActionSuggested: 'Close a position (sell what you bought, or buy back what you sold) and the analytics will score it.' },
    ];
  }
  const out = [
    {
      AndekhaSach: `Your Samco Trade Score is <b>${amount(m.successRatio)}</b> over <b>${m.trades}</b> closed trades from ${period}.`,
      ActionSuggested:
        m.successRatio >= 1
          ? 'Your winners outweigh your losers: keep your position sizes and stop losses as they are.'
          : 'Raise the score by winning more often or by cutting the size of your losses with stop losses.',
    },
    {
      AndekhaSach: `<b>${amount(m.winRate)}%</b> of your trades made money; winners gained <b>${amount(m.averageGainPercentage)}%</b> on average and losers lost <b>${amount(m.averageLossPercentage)}%</b>.`,
      ActionSuggested:
        m.averageLossPercentage > m.averageGainPercentage
          ? 'Your average loss is larger than your average gain: exit losing trades earlier.'
          : 'Your average gain is at least your average loss: let your winners run.',
    },
  ];
  const ranked = groups.flatMap((g) => g.strategies).sort((a, b) => b.metrics.successRatio - a.metrics.successRatio || b.metrics.totalPnl - a.metrics.totalPnl);
  if (ranked.length > 1) {
    const best = ranked[0]!;
    const worst = ranked.at(-1)!;
    out.push({
      AndekhaSach: `Your best strategy is <b>${best.strategy}</b> (score <b>${amount(best.metrics.successRatio)}</b>); your weakest is <b>${worst.strategy}</b> (score <b>${amount(worst.metrics.successRatio)}</b>).`,
      ActionSuggested: `Allocate more to <b>${best.strategy}</b>, and review or avoid <b>${worst.strategy}</b>.`,
    });
  }
  return out;
}
