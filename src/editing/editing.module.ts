import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { EditingResolver } from './editing.resolver';
import { EditingService } from './editing.service';

@Module({
  imports: [BlueprintsModule],
  providers: [EditingResolver, EditingService],
  exports: [EditingService],
})
export class EditingModule {}
