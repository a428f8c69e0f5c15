import { Module } from '@nestjs/common';
import { OrganisationResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';

@Module({
  providers: [OrganisationResolver, OrganisationService],
  exports: [OrganisationService],
})
export class OrganisationModule {}
