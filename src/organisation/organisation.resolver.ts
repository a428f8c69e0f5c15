import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DepartmentDocument, ProcessDocument, RoleDocument, SystemDocument } from '../blueprints/dto/blueprint-document';
import { Department, Process, Role, System } from '../blueprints/models/organisation.model';
import { OrganisationService } from './organisation.service';
import { AccessRole, allows } from '../security/access-role';
import { RequestContext, principalOf } from '../security/principal';
import { RequiresRole } from '../security/required-role';

@Resolver()
export class OrganisationResolver {
  constructor(private readonly organisation: OrganisationService) {}

  @Query(() => [Department], { description: "The organisation's departments, by key." })
  departments(): Promise<Department[]> {
    return this.organisation.departments();
  }

  @Query(() => [Role], { description: "The organisation's roles with their departments, by key." })
  roles(): Promise<Role[]> {
    return this.organisation.members('role');
  }

  @Query(() => [System], { description: "The organisation's systems with their owning departments, by key." })
  systems(): Promise<System[]> {
    return this.organisation.members('system');
  }

  @Query(() => [Process], { description: "The organisation's processes with their owning departments, by key." })
  processes(): Promise<Process[]> {
    return this.organisation.members('process');
  }

  @RequiresRole(AccessRole.DESIGNER)
  @Mutation(() => Department, { description: 'Creates a department (designers and admins) or renames one (admins: it is shared by every blueprint).' })
  upsertDepartment(
    @Args('department', { type: () => DepartmentDocument, description: 'the department, by key' }) department: DepartmentDocument,
    @Context() context: RequestContext,
  ): Promise<Department> {
    return this.organisation.upsertDepartment(department, isAdmin(context));
  }

  @RequiresRole(AccessRole.DESIGNER)
  @Mutation(() => Role, { description: 'Creates a role (designers and admins) or changes its name and department (admins).' })
  upsertRole(
    @Args('role', { type: () => RoleDocument, description: 'the role, by key; its department must exist' }) role: RoleDocument,
    @Context() context: RequestContext,
  ): Promise<Role> {
    return this.organisation.upsertMember('role', role, isAdmin(context));
  }

  @RequiresRole(AccessRole.DESIGNER)
  @Mutation(() => System, { description: 'Creates a system (designers and admins) or changes its name and owning department (admins).' })
  upsertSystem(
    @Args('system', { type: () => SystemDocument, description: 'the system, by key; its department must exist' }) system: SystemDocument,
    @Context() context: RequestContext,
  ): Promise<System> {
    return this.organisation.upsertMember('system', system, isAdmin(context));
  }

  @RequiresRole(AccessRole.DESIGNER)
  @Mutation(() => Process, { description: 'Creates a process (designers and admins) or changes its name and owning department (admins).' })
  upsertProcess(
    @Args('process', { type: () => ProcessDocument, description: 'the process, by key; its department must exist' }) process: ProcessDocument,
    @Context() context: RequestContext,
  ): Promise<Process> {
    return this.organisation.upsertMember('process', process, isAdmin(context));
  }

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => Boolean, { description: 'NOT_FOUND if absent; CONFLICT while roles, systems, processes or actions belong to it.' })
  deleteDepartment(@Args('key', { description: "the department's key" }) key: string): Promise<boolean> {
    return this.organisation.delete('department', key);
  }

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => Boolean, { description: 'NOT_FOUND if absent; CONFLICT while an action uses it.' })
  deleteRole(@Args('key', { description: "the role's key" }) key: string): Promise<boolean> {
    return this.organisation.delete('role', key);
  }

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => Boolean, { description: 'NOT_FOUND if absent; CONFLICT while an action uses it.' })
  deleteSystem(@Args('key', { description: "the system's key" }) key: string): Promise<boolean> {
    return this.organisation.delete('system', key);
  }

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => Boolean, { description: 'NOT_FOUND if absent; CONFLICT while an action uses it.' })
  deleteProcess(@Args('key', { description: "the process's key" }) key: string): Promise<boolean> {
    return this.organisation.delete('process', key);
  }
}

/** Whether the caller may change the organisation's existing entries. */
function isAdmin(context: RequestContext): boolean {
  return allows(principalOf(context).role, AccessRole.ADMIN);
}
