import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Department, Process, Role, System } from '../blueprints/models/organisation.model';
import { requestLoader } from '../common/request-loaders';
import { RequestContext } from '../security/principal';
import { DepartmentMembers, OrganisationService } from './organisation.service';

const NO_MEMBERS = (): DepartmentMembers => ({ roles: [], systems: [], processes: [] });

/** What a department has, wherever a Department is answered: batched per request, one read for all departments asked. */
@Resolver(() => Department)
export class DepartmentResolver {
  constructor(private readonly organisation: OrganisationService) {}

  @ResolveField(() => [Role], { description: 'the roles that sit in it, by key' })
  async roles(@Parent() department: Department, @Context() context: RequestContext): Promise<Role[]> {
    return this.withDepartment((await this.members(department, context)).roles, department);
  }

  @ResolveField(() => [System], { description: 'the systems it owns, by key' })
  async systems(@Parent() department: Department, @Context() context: RequestContext): Promise<System[]> {
    return this.withDepartment((await this.members(department, context)).systems, department);
  }

  @ResolveField(() => [Process], { description: 'the processes it owns, by key' })
  async processes(@Parent() department: Department, @Context() context: RequestContext): Promise<Process[]> {
    return this.withDepartment((await this.members(department, context)).processes, department);
  }

  @ResolveField(() => Int, {
    description: 'how many actions, over every blueprint, it owns: explicitly or through their role, systems or process (each action once)',
  })
  actionCount(@Parent() department: Department, @Context() context: RequestContext): Promise<number> {
    return requestLoader(context, 'department action counts', (keys: string[]) => this.organisation.actionCounts(keys), () => 0).load(department.key);
  }

  private members(department: Department, context: RequestContext): Promise<DepartmentMembers> {
    return requestLoader(context, 'department members', (keys: string[]) => this.organisation.membersOf(keys), NO_MEMBERS).load(department.key);
  }

  private withDepartment(entries: { key: string; name: string }[], department: Department) {
    return entries.map((entry) => ({ ...entry, department: { key: department.key, name: department.name } }));
  }
}
