/** Samco writes amounts as strings: two decimals, and in some answers with Indian digit grouping. */
/** Rounded to paise; never -0 (which would print as "-0.00"). */
export const round2 = (n: number) => Math.round(n * 100) / 100 || 0;

/** `1560.15`, `-182.70`, `0.00`. */
export const amount = (n: number) => round2(n).toFixed(2);

// Made on first use: a number format loads ICU's locale data, which start-up does not need.
let indian: Intl.NumberFormat | undefined;

/** `1,550.00`, `1,06,632.57` (lastTradedPrice of positions and holdings, lastTradePrice of the trade book). */
export const groupedAmount = (n: number) => (indian ??= new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(round2(n));
