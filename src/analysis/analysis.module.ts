import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { AnalysisResolver, PainContributionResolver } from './analysis.resolver';
import { AnalysisService } from './analysis.service';

@Module({
  imports: [BlueprintsModule],
  providers: [AnalysisResolver, PainContributionResolver, AnalysisService],
  exports: [AnalysisService],
})
export class AnalysisModule {}
