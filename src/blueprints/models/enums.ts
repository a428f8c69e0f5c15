/** The blueprint's enumerations, plain (the command line loads them without GraphQL); enum-types.ts registers them with the schema. */

export enum Lane {
  CUSTOMER = 'CUSTOMER',
  FRONTSTAGE = 'FRONTSTAGE',
  BACKSTAGE = 'BACKSTAGE',
  SUPPORT = 'SUPPORT',
}

export enum BlueprintState {
  CURRENT = 'CURRENT',
  FUTURE = 'FUTURE',
  DAY_IN_LIFE = 'DAY_IN_LIFE',
}

export enum PainCategory {
  FINANCIAL = 'FINANCIAL',
  PROCESS = 'PROCESS',
  SUPPORT = 'SUPPORT',
  PRODUCTIVITY = 'PRODUCTIVITY',
  OTHER = 'OTHER',
}

export enum Channel {
  WEB = 'WEB',
  MOBILE_APP = 'MOBILE_APP',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  CHAT = 'CHAT',
  SOCIAL = 'SOCIAL',
  IN_PERSON = 'IN_PERSON',
  MAIL = 'MAIL',
  OTHER = 'OTHER',
}

export enum ImportMode {
  CREATE = 'CREATE',
  REPLACE = 'REPLACE',
}

/** The kinds of organisation-wide entry that blueprints share. */
export enum OrganisationEntryKind {
  DEPARTMENT = 'DEPARTMENT',
  ROLE = 'ROLE',
  SYSTEM = 'SYSTEM',
  PROCESS = 'PROCESS',
}
