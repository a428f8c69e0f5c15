import { Query, Resolver } from '@nestjs/graphql';
import { Department } from '../blueprints/models/organisation.model';
import { OrganisationService } from './organisation.service';

@Resolver()
export class OrganisationResolver {
  constructor(private readonly organisation: OrganisationService) {}

  @Query(() => [Department], { description: "The organisation's departments, by key." })
  departments(): Promise<Department[]> {
    return this.organisation.departments();
  }
}
