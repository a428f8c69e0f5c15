import { Module } from '@nestjs/common';
import { BlueprintStore } from './blueprint-store';
import { BlueprintsResolver } from './blueprints.resolver';
import { BlueprintsService } from './blueprints.service';
import { BlueprintHistory } from '../history/blueprint-history';
import { BlueprintChangeFeed } from '../live/blueprint-change-feed';
import { NewestDocuments } from '../history/newest-documents';

@Module({
  providers: [BlueprintsResolver, BlueprintsService, BlueprintStore, BlueprintHistory, BlueprintChangeFeed, NewestDocuments],
  exports: [BlueprintsService, BlueprintStore, BlueprintHistory, BlueprintChangeFeed, NewestDocuments],
})
export class BlueprintsModule {}
