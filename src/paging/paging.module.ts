import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { PagingResolver } from './paging.resolver';
import { PagingService } from './paging.service';

@Module({
  imports: [BlueprintsModule],
  providers: [PagingResolver, PagingService],
})
export class PagingModule {}
