/** What blame is summed by; plain (the command line loads it without GraphQL), registered with the schema in decision.models.ts. */
export enum BlameLevel {
  DEPARTMENT = 'DEPARTMENT',
  ROLE = 'ROLE',
  SYSTEM = 'SYSTEM',
  PROCESS = 'PROCESS',
  ACTION = 'ACTION',
  STEP = 'STEP',
  LANE = 'LANE',
}
