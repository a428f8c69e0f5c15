import { Field, ObjectType } from '@nestjs/graphql';
import { Blueprint } from './blueprint.model';
import { OrganisationEntryKind } from './enum-types';
import type { OrganisationEntryChange as EntryChange, OrganisationEntryState as EntryState } from '../organisation-changes';

@ObjectType({ description: 'An organisation-wide entry as it was, or is, around an import.' })
export class OrganisationEntryState implements EntryState {
  @Field({ description: 'its name' }) name: string;
  @Field(() => String, { nullable: true, description: 'the key of its department; null for a department' }) department: string | null;
}

@ObjectType({ description: 'An existing department, role, system or process that an import renamed or moved to another department.' })
export class OrganisationEntryChange implements EntryChange {
  @Field(() => OrganisationEntryKind, { description: 'what kind of entry it is' }) kind: OrganisationEntryKind;
  @Field({ description: 'its key' }) key: string;
  @Field(() => OrganisationEntryState, { description: 'its name and department before the import' }) before: OrganisationEntryState;
  @Field(() => OrganisationEntryState, { description: 'its name and department after the import' }) after: OrganisationEntryState;
}

@ObjectType({ description: 'What importBlueprint wrote.' })
export class ImportResult {
  @Field(() => Blueprint, { description: 'the blueprint as it is now stored' }) blueprint: Blueprint;
  @Field({ description: 'true when the blueprint was created, false when an existing blueprint was replaced' }) created: boolean;
  @Field(() => [OrganisationEntryChange], {
    description: 'the existing departments, roles, systems and processes that the import renamed or moved, shared by every blueprint that uses them; empty when none',
  })
  organisationChanges: OrganisationEntryChange[];
}
