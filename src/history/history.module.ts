import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { EditingModule } from '../editing/editing.module';
import { HistoryResolver } from './history.resolver';

@Module({
  imports: [BlueprintsModule, EditingModule],
  providers: [HistoryResolver],
})
export class HistoryModule {}
