import { Injectable } from '@nestjs/common';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { Neo4jExecutor, QueryRunner } from '../database/executor';
import { Department } from '../blueprints/models/organisation.model';
import { DepartmentDocument, ProcessDocument, RoleDocument, SystemDocument } from '../blueprints/dto/blueprint-document';
import { checkPart } from '../blueprints/document-validation';

export type MemberKind = 'role' | 'system' | 'process';

/** A department's entries, each list by key. */
export interface DepartmentMembers {
  roles: { key: string; name: string }[];
  systems: { key: string; name: string }[];
  processes: { key: string; name: string }[];
}

const PLURAL: Record<MemberKind, string> = { role: 'roles', system: 'systems', process: 'processes' };
const TYPE = { role: RoleDocument, system: SystemDocument, process: ProcessDocument };

/** The organisation-wide departments, roles, systems and processes that blueprints share. */
@Injectable()
export class OrganisationService {
  constructor(private readonly executor: Neo4jExecutor) {}

  departments(): Promise<Department[]> {
    return this.executor.read(async (runner) => (await runner.run('departments')) as unknown as Department[]);
  }

  /** Each department's roles, systems and processes, each list by key, by department key: one read for many departments. */
  async membersOf(keys: string[]): Promise<Map<string, DepartmentMembers>> {
    const rows = await this.executor.read((runner) => runner.run('department-members', { keys }));
    return new Map(rows.map(({ key, ...members }) => [key as string, members as unknown as DepartmentMembers]));
  }

  /** How many actions, over every blueprint, each department owns, by department key. */
  async actionCounts(keys: string[]): Promise<Map<string, number>> {
    const rows = await this.executor.read((runner) => runner.run('department-action-counts', { keys }));
    return new Map(rows.map((row) => [row.key as string, row.actions as number]));
  }

  /** Every role, system or process with its department, by key. */
  members(kind: MemberKind): Promise<{ key: string; name: string; department: Department }[]> {
    const label = { role: 'Role', system: 'System', process: 'Process' }[kind];
    return this.executor.read(async (runner) => (await runner.run('organisation-members', { label })) as never);
  }

  /**
   * Creates a department, or renames one when `mayChange` (an admin): a
   * department is shared by every blueprint, so a designer may add one but
   * not change it under the others.
   */
  async upsertDepartment(input: DepartmentDocument, mayChange: boolean): Promise<Department> {
    const department = checkPart(DepartmentDocument, input, 'department');
    await this.executor.write(async (runner) => {
      await runner.run('organisation-writes-lock');
      await this.refuseChange(runner, 'department', department, mayChange);
      await runner.run('upsert-departments', { rows: [{ key: department.key, name: department.name }] });
    });
    return { key: department.key, name: department.name };
  }

  /** Creates a role, system or process, or changes one when `mayChange` (an admin); its department must exist. */
  async upsertMember(kind: MemberKind, input: RoleDocument, mayChange: boolean): Promise<{ key: string; name: string; department: Department }> {
    const member = checkPart(TYPE[kind], input, kind);
    return this.executor.write(async (runner) => {
      await runner.run('organisation-writes-lock');
      const [department] = await runner.run('department-names', { keys: [member.department] });
      if (!department) {
        throw new BadUserInputError([{ path: `${kind}.department`, message: `names no department: "${member.department}"` }]);
      }
      await this.refuseChange(runner, kind, member, mayChange);
      await runner.run(`upsert-${PLURAL[kind]}`, { rows: [{ key: member.key, name: member.name, department: member.department }] });
      return { key: member.key, name: member.name, department: department as unknown as Department };
    });
  }

  /** FORBIDDEN when the entry exists and the upsert would change it, unless `mayChange`; nothing is written. */
  private async refuseChange(
    runner: QueryRunner,
    kind: MemberKind | 'department',
    entry: { key: string; name: string; department?: string },
    mayChange: boolean,
  ): Promise<void> {
    if (mayChange) return;
    const [existing] = await runner.run('organisation-entry', { kind, key: entry.key });
    if (!existing) return;
    const changes = [
      existing.name !== entry.name ? `its name from "${existing.name}" to "${entry.name}"` : null,
      entry.department !== undefined && existing.department !== entry.department ? `its department from "${existing.department}" to "${entry.department}"` : null,
    ].filter((change): change is string => change !== null);
    if (changes.length === 0) return;
    throw new ForbiddenError(
      `The ${kind} "${entry.key}" exists and every blueprint that uses it shares it: changing ${changes.join(' and ')} needs the role admin. ` +
        'Choose the existing entry, or make a new one with a key of its own.',
    );
  }

  /** Deletes a department, role, system or process that nothing uses any more. */
  async delete(kind: MemberKind | 'department', key: string): Promise<boolean> {
    return this.executor.write(async (runner) => {
      await runner.run('organisation-writes-lock');
      const [row] = await runner.run(`delete-${kind}`, { key });
      if (!row) throw new NotFoundError(`No ${kind} has the key "${key}"`);
      const uses = row.uses as number;
      if (uses > 0) {
        const what = kind === 'department' ? 'roles, systems, processes or actions belong to it' : 'actions use it';
        throw new ConflictError(`The ${kind} "${key}" is still in use: ${uses} ${what}`);
      }
      return true;
    });
  }
}
