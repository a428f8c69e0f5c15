import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { LintResolver } from './lint.resolver';
import { LintService } from './lint.service';

@Module({
  imports: [BlueprintsModule],
  providers: [LintResolver, LintService],
  exports: [LintService],
})
export class LintModule {}
