import { Module } from '@nestjs/common';
import { BlueprintStore } from './blueprint-store';
import { BlueprintsResolver } from './blueprints.resolver';
import { BlueprintsService } from './blueprints.service';

@Module({
  providers: [BlueprintsResolver, BlueprintsService, BlueprintStore],
  exports: [BlueprintsService, BlueprintStore],
})
export class BlueprintsModule {}
