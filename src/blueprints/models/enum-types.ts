import { registerEnumType } from '@nestjs/graphql';
import { BlueprintState, Channel, ImportMode, Lane, OrganisationEntryKind, PainCategory } from './enums';

/**
 * The blueprint's enumerations in the GraphQL schema, with their descriptions.
 * The GraphQL types import the enumerations from here, so that they are
 * registered wherever a type that uses them is.
 */
export { BlueprintState, Channel, ImportMode, Lane, OrganisationEntryKind, PainCategory };

registerEnumType(Lane, {
  name: 'Lane',
  description: 'The row (swimlane) of the blueprint an action sits in, from the customer at the top down to support.',
  valuesMap: {
    CUSTOMER: { description: 'What the customer does; above the line of interaction.' },
    FRONTSTAGE: { description: 'What staff or interfaces do in front of the customer, between the line of interaction and the line of visibility.' },
    BACKSTAGE: { description: "What staff do out of the customer's sight, between the line of visibility and the line of internal interaction." },
    SUPPORT: { description: 'Support processes and systems that the staff rely on; below the line of internal interaction.' },
  },
});
registerEnumType(BlueprintState, {
  name: 'BlueprintState',
  description: 'Which kind of map a blueprint is; teams compare a FUTURE blueprint with the CURRENT one.',
  valuesMap: {
    CURRENT: { description: 'How the service works today (the default).' },
    FUTURE: { description: 'How the service should work.' },
    DAY_IN_LIFE: { description: "A day in the life of the persona: their day as a whole, not one journey's steps only." },
  },
});
registerEnumType(PainCategory, {
  name: 'PainCategory',
  description: 'The kind of a pain point.',
  valuesMap: {
    FINANCIAL: { description: 'The customer feels they pay too much.' },
    PROCESS: { description: 'Inefficiency along the journey.' },
    SUPPORT: { description: 'The support organisation cannot solve the problem fast.' },
    PRODUCTIVITY: { description: 'Internal inefficiency that slows the service down.' },
    OTHER: { description: 'Any other kind (the default).' },
  },
});
registerEnumType(Channel, {
  name: 'Channel',
  description: "The medium of an action's touchpoint, through which the customer meets the company.",
  valuesMap: {
    WEB: { description: 'A website, on any device.' },
    MOBILE_APP: { description: 'A mobile app.' },
    PHONE: { description: 'A phone call, e.g. a hotline.' },
    EMAIL: { description: 'E-mail.' },
    CHAT: { description: 'A chat, with staff or a bot.' },
    SOCIAL: { description: 'Social media.' },
    IN_PERSON: { description: 'Face to face, e.g. at a service desk or with a courier.' },
    MAIL: { description: 'Letters and parcels by post.' },
    OTHER: { description: 'Any other channel.' },
  },
});
registerEnumType(ImportMode, {
  name: 'ImportMode',
  description: "What importBlueprint does when a blueprint with the document's key exists.",
  valuesMap: {
    CREATE: { description: 'Create the blueprint; CONFLICT if the key exists (the default).' },
    REPLACE: { description: "Replace the blueprint's own stages, steps, actions and pain points in one transaction as its next version, or create it if absent." },
  },
});
registerEnumType(OrganisationEntryKind, {
  name: 'OrganisationEntryKind',
  description: 'A kind of organisation-wide entry, shared by every blueprint that references it.',
  valuesMap: {
    DEPARTMENT: { description: 'A department: what blame is attributed to.' },
    ROLE: { description: 'A role, sitting in a department.' },
    SYSTEM: { description: 'A system, owned by a department.' },
    PROCESS: { description: 'A process, owned by a department.' },
  },
});
