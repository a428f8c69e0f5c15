import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { ComparisonModule } from '../comparison/comparison.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { WebController } from './web.controller';
import { WebService } from './web.service';

/** The blueprint pages and pictures, served by the app itself. */
@Module({
  imports: [BlueprintsModule, ComparisonModule, OpportunitiesModule],
  controllers: [WebController],
  providers: [WebService],
})
export class WebModule {}
