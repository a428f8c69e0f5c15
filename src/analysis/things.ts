/**
 * Which cards of a blueprint a blame entry, a fix or a "what relies on this"
 * question is about: the cards a page highlights for it. Pure and free of
 * server imports, so that the page script and the server-drawn pages share it.
 *
 * A card matches a department it is owned by (through its role, explicit
 * owner, process or systems), its role, process and systems, itself, its
 * step and its lane: the actions whose placements the entry or fix can hold
 * (analysis/placements.ts), and the distance-0 actions of `dependents`.
 */

/** What a card carries of its action (the SVG's data attributes, or an Action). */
export interface MatchableCard {
  key: string;
  stepKey: string;
  lane: string;
  roleKey: string | null;
  processKey: string | null;
  systemKeys: string[];
  ownerKeys: string[];
}

/** A level and key as the API names them (BlameLevel); blueprintKey for ACTION and STEP. */
export interface Thing {
  level: string;
  key: string;
  blueprintKey?: string | null;
}

export function cardMatches(card: MatchableCard, blueprintKey: string, thing: Thing): boolean {
  switch (thing.level) {
    case 'DEPARTMENT':
      return card.ownerKeys.includes(thing.key);
    case 'ROLE':
      return card.roleKey === thing.key;
    case 'SYSTEM':
      return card.systemKeys.includes(thing.key);
    case 'PROCESS':
      return card.processKey === thing.key;
    case 'ACTION':
      return thing.blueprintKey === blueprintKey && card.key === thing.key;
    case 'STEP':
      return thing.blueprintKey === blueprintKey && card.stepKey === thing.key;
    case 'LANE':
      return card.lane === thing.key;
    default:
      return false;
  }
}

/** The card of an action as the API's models hold it. */
export function cardOfAction(action: {
  key: string;
  stepKey: string;
  lane: string;
  role: { key: string } | null;
  process: { key: string } | null;
  systems: { key: string }[];
  owners: { key: string }[];
}): MatchableCard {
  return {
    key: action.key,
    stepKey: action.stepKey,
    lane: action.lane,
    roleKey: action.role?.key ?? null,
    processKey: action.process?.key ?? null,
    systemKeys: action.systems.map((s) => s.key),
    ownerKeys: action.owners.map((o) => o.key),
  };
}

/** How a thing is written on the command line and in the pages: `system:crm`, `action:BLUEPRINT/KEY`. */
export function thingText(thing: Thing): string {
  return `${thing.level.toLowerCase()}:${thing.blueprintKey ? `${thing.blueprintKey}/` : ''}${thing.key}`;
}
