import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { ComparisonResolver } from './comparison.resolver';
import { ComparisonService } from './comparison.service';

@Module({
  imports: [BlueprintsModule],
  providers: [ComparisonResolver, ComparisonService],
  exports: [ComparisonService],
})
export class ComparisonModule {}
