import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DepartmentDocument, ProcessDocument, RoleDocument, SystemDocument } from '../blueprints/dto/blueprint-document';
import { Department, Process, Role, System } from '../blueprints/models/organisation.model';
import { OrganisationService } from './organisation.service';
import { AccessRole } from '../security/access-role';
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

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => Department, { description: 'Creates a department or renames it.' })
  upsertDepartment(@Args('department', { type: () => DepartmentDocument, description: 'the department, by key' }) department: DepartmentDocument): Promise<Department> {
    return this.organisation.upsertDepartment(department);
  }

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => Role, { description: 'Creates a role or changes its name and department.' })
  upsertRole(@Args('role', { type: () => RoleDocument, description: 'the role, by key; its department must exist' }) role: RoleDocument): Promise<Role> {
    return this.organisation.upsertMember('role', role);
  }

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => System, { description: 'Creates a system or changes its name and owning department.' })
  upsertSystem(@Args('system', { type: () => SystemDocument, description: 'the system, by key; its department must exist' }) system: SystemDocument): Promise<System> {
    return this.organisation.upsertMember('system', system);
  }

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => Process, { description: 'Creates a process or changes its name and owning department.' })
  upsertProcess(@Args('process', { type: () => ProcessDocument, description: 'the process, by key; its department must exist' }) process: ProcessDocument): Promise<Process> {
    return this.organisation.upsertMember('process', process);
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
