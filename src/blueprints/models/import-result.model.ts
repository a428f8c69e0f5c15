import { Field, ObjectType } from '@nestjs/graphql';
import { Blueprint } from './blueprint.model';

@ObjectType()
export class ImportResult {
  @Field(() => Blueprint) blueprint: Blueprint;
  @Field({ description: 'false when an existing blueprint was replaced' }) created: boolean;
}
