import { Module } from '@nestjs/common';
import { DepartmentResolver } from './department.resolver';
import { OrganisationResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';

@Module({
  providers: [OrganisationResolver, DepartmentResolver, OrganisationService],
  exports: [OrganisationService],
})
export class OrganisationModule {}
