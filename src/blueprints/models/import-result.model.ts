import { Field, ObjectType } from '@nestjs/graphql';
import { Blueprint } from './blueprint.model';

@ObjectType({ description: 'What importBlueprint wrote.' })
export class ImportResult {
  @Field(() => Blueprint, { description: 'the blueprint as it is now stored' }) blueprint: Blueprint;
  @Field({ description: 'true when the blueprint was created, false when an existing blueprint was replaced' }) created: boolean;
}
