// Plain TypeScript only: the configuration imports it, and jest's global setup loads the configuration
// outside the test files' module registry, where loading @nestjs/graphql breaks their type metadata.
export interface QueryLimits {
  /** Nesting of selection sets, fragments expanded. */
  maxDepth: number;
  /** Aliased fields in one operation, fragments expanded. */
  maxAliases: number;
  /** Estimated fields resolved: each list multiplies what is under it by its `limit` argument or `assumedListSize`. */
  maxCost: number;
  assumedListSize: number;
  /** Tokens of the query text, enforced by the parser before anything else. */
  maxTokens: number;
  /** Fields of one response, counted as its lists resolve (security/response-budget). */
  maxResponseFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  // With lists counted as 10, reading every blueprint whole costs about 1.2 million; a list nested
  // eight deep (dependsOn of dependsOn ...) costs 10^8.
  maxCost: 5_000_000,
  assumedListSize: 10,
  maxTokens: 5_000,
  // Every blueprint of a 300-journey organisation read whole is about a million fields, some 40 MB of JSON.
  maxResponseFields: 2_000_000,
};
