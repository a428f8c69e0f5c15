import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { AnalysisResolver, PainContributionResolver } from './analysis.resolver';
import { AnalysisService } from './analysis.service';
import { KeptResults } from './kept-results';
import { KeptResponsesPlugin } from './kept-responses.plugin';

@Module({
  imports: [BlueprintsModule],
  providers: [AnalysisResolver, PainContributionResolver, AnalysisService, KeptResults, KeptResponsesPlugin],
  exports: [AnalysisService],
})
export class AnalysisModule {}
