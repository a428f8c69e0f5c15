/** How much a lint finding matters; plain (the command line loads it without GraphQL), registered with the schema in lint-finding.model.ts. */
export enum LintSeverity {
  WARNING = 'WARNING',
  INFO = 'INFO',
}
