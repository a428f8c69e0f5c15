import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { OpportunitiesResolver } from './opportunities.resolver';
import { OpportunitiesService } from './opportunities.service';

@Module({
  imports: [AnalysisModule],
  providers: [OpportunitiesResolver, OpportunitiesService],
  exports: [OpportunitiesService],
})
export class OpportunitiesModule {}
