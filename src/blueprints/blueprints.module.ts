import { Module } from '@nestjs/common';
import { BlueprintStore } from './blueprint-store';
import { BlueprintsResolver } from './blueprints.resolver';
import { BlueprintsService } from './blueprints.service';
import { BlueprintHistory } from '../history/blueprint-history';
import { BlueprintChangeFeed } from '../live/blueprint-change-feed';

@Module({
  providers: [BlueprintsResolver, BlueprintsService, BlueprintStore, BlueprintHistory, BlueprintChangeFeed],
  exports: [BlueprintsService, BlueprintStore, BlueprintHistory, BlueprintChangeFeed],
})
export class BlueprintsModule {}
