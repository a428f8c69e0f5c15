import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { BlueprintReferences } from './blueprint-references';
import { BLUEPRINT_REFERENCE_RESOLVERS } from './blueprint-references.resolver';

/** The objects beside the answer's key fields, batched per request. */
@Module({
  imports: [BlueprintsModule],
  providers: [BlueprintReferences, ...BLUEPRINT_REFERENCE_RESOLVERS],
})
export class ReferencesModule {}
