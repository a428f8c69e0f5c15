import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { LiveResolver } from './live.resolver';

/** Blueprints live: the `blueprintChanged` subscription (the feed itself is the blueprints module's, woken by its writes). */
@Module({
  imports: [BlueprintsModule],
  providers: [LiveResolver],
})
export class LiveModule {}
