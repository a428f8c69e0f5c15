import { Injectable } from '@nestjs/common';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors';
import { Neo4jExecutor } from '../database/executor';
import { Department } from '../blueprints/models/organisation.model';
import { DepartmentDocument, ProcessDocument, RoleDocument, SystemDocument } from '../blueprints/dto/blueprint-document';
import { checkPart } from '../blueprints/document-validation';

export type MemberKind = 'role' | 'system' | 'process';

const PLURAL: Record<MemberKind, string> = { role: 'roles', system: 'systems', process: 'processes' };
const TYPE = { role: RoleDocument, system: SystemDocument, process: ProcessDocument };

/** The organisation-wide departments, roles, systems and processes that blueprints share. */
@Injectable()
export class OrganisationService {
  constructor(private readonly executor: Neo4jExecutor) {}

  departments(): Promise<Department[]> {
    return this.executor.read(async (runner) => (await runner.run('departments')) as unknown as Department[]);
  }

  /** Every role, system or process with its department, by key. */
  members(kind: MemberKind): Promise<{ key: string; name: string; department: Department }[]> {
    const label = { role: 'Role', system: 'System', process: 'Process' }[kind];
    return this.executor.read(async (runner) => (await runner.run('organisation-members', { label })) as never);
  }

  async upsertDepartment(input: DepartmentDocument): Promise<Department> {
    const department = checkPart(DepartmentDocument, input, 'department');
    await this.executor.write((runner) => runner.run('upsert-departments', { rows: [{ key: department.key, name: department.name }] }));
    return { key: department.key, name: department.name };
  }

  /** Creates or changes a role, system or process; its department must exist. */
  async upsertMember(kind: MemberKind, input: RoleDocument): Promise<{ key: string; name: string; department: Department }> {
    const member = checkPart(TYPE[kind], input, kind);
    return this.executor.write(async (runner) => {
      const [department] = await runner.run('department-names', { keys: [member.department] });
      if (!department) {
        throw new BadUserInputError([{ path: `${kind}.department`, message: `names no department: "${member.department}"` }]);
      }
      await runner.run(`upsert-${PLURAL[kind]}`, { rows: [{ key: member.key, name: member.name, department: member.department }] });
      return { key: member.key, name: member.name, department: department as unknown as Department };
    });
  }

  /** Deletes a department, role, system or process that nothing uses any more. */
  async delete(kind: MemberKind | 'department', key: string): Promise<boolean> {
    return this.executor.write(async (runner) => {
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
