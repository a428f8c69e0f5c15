import { Module } from '@nestjs/common';
import { BlueprintStore } from './blueprint-store';
import { BlueprintsResolver } from './blueprints.resolver';
import { BlueprintsService } from './blueprints.service';
import { BlueprintHistory } from '../history/blueprint-history';

@Module({
  providers: [BlueprintsResolver, BlueprintsService, BlueprintStore, BlueprintHistory],
  exports: [BlueprintsService, BlueprintStore, BlueprintHistory],
})
export class BlueprintsModule {}
