/** The Trade View analytics inputs, and the sandbox's definitions where the chapter is silent. */
export const ANALYTICS_RULES = {
  /** The chapter's four durations, and 1D, which Samco's Java and Node clients send in their README samples. */
  durations: ['ALL', '1Y', '6M', '1M', '1D'],
  filters: ['strategy', 'market cap', 'sector'],
  gainLossStatuses: ['open', 'close'],
} as const;
