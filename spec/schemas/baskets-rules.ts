/**
 * The basket rules of Samco's Basket Orders chapter, and the sandbox's where it is silent: shared
 * by the spec's descriptions and the domain, so each number is typed once.
 */
export const BASKET_RULES = {
  /** "Basket name can only contain alphabets, numbers, hyphen, and space"; the length is the sandbox's. */
  namePattern: /^[A-Za-z0-9 -]+$/,
  nameMax: 50,
  /** The published refusal names 50 orders (the list sample's maxOrders says 100): 50 orders per basket, and 50 baskets per account. */
  maxOrders: 50,
  maxBaskets: 50,
  listTypes: ['ALL', 'EXECUTED', 'NOT EXECUTED'],
  executionTypes: ['allatonce', 'chronologically'],
  products: ['CNC', 'MIS', 'NRML', 'BO', 'CO'],
} as const;
