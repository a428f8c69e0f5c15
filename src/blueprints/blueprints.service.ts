import { Injectable } from '@nestjs/common';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { Neo4jExecutor, QueryRunner } from '../database/executor';
import { blueprintToDocument } from './blueprint-assembly';
import { BlueprintStore, OrganisationChange } from './blueprint-store';
import { checkDocument } from './document-validation';
import { documentToRows } from './document-rows';
import { BlueprintDocument } from './dto/blueprint-document';
import { Blueprint } from './models/blueprint.model';
import { ImportMode } from './models/enums';

export interface ImportOutcome {
  blueprint: Blueprint;
  created: boolean;
  /** The existing departments, roles, systems and processes that the import renamed or moved. */
  organisationChanges: OrganisationChange[];
}

export interface ImportOptions {
  /** The name of the document's root in problem paths (`document`, or a file's name). */
  root?: string;
  withContents?: boolean;
  /**
   * Whether the import may rename or move existing organisation-wide entries,
   * which every blueprint shares (admin keys; trusted in-process callers).
   */
  mayChangeOrganisation?: boolean;
}

@Injectable()
export class BlueprintsService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly store: BlueprintStore,
  ) {}

  /** Lists blueprints by key; with `withContents` false only their own fields are read. */
  list(withContents: boolean): Promise<Blueprint[]> {
    return this.executor.read((runner) =>
      withContents ? this.store.contents(runner, null) : this.store.headers(runner, null),
    );
  }

  async get(key: string, withContents: boolean): Promise<Blueprint | null> {
    const [blueprint] = await this.executor.read((runner) =>
      withContents ? this.store.contents(runner, [key]) : this.store.headers(runner, [key]),
    );
    return blueprint ?? null;
  }

  async export(key: string): Promise<BlueprintDocument> {
    const blueprint = await this.executor.read((runner) => this.store.one(runner, key));
    if (!blueprint) throw new NotFoundError(`No blueprint has the key "${key}"`);
    return blueprintToDocument(blueprint);
  }

  /**
   * Validates everything, then writes the whole document in one transaction.
   * The blueprint returned is its header unless `withContents` asks for the
   * whole tree: reading back what was just written costs as much as a good
   * part of the write, and most callers want only the key.
   */
  async import(raw: unknown, mode: ImportMode, options: ImportOptions = {}): Promise<ImportOutcome> {
    const { document, problems, externalReferences } = checkDocument(raw, options.root);
    if (!document) throw new BadUserInputError(problems);
    return this.writeBlueprints(async (runner) => {
      const key = typeof document.key === 'string' ? document.key : '';
      const rows = problems.length === 0 ? documentToRows(document) : undefined;
      const check = await this.store.checkImport(runner, key, externalReferences, rows);
      const allProblems = [...problems, ...check.problems];
      if (allProblems.length > 0 || !rows) throw new BadUserInputError(allProblems);
      if (check.exists && mode === ImportMode.CREATE) {
        throw new ConflictError(`A blueprint with the key "${document.key}" exists; import it with mode REPLACE to replace it`);
      }
      if (check.organisationChanges.length > 0 && options.mayChangeOrganisation === false) {
        throw new ForbiddenError(
          'This import would change organisation-wide entries that every blueprint shares, which needs the role admin: ' +
            check.organisationChanges.map(describeChange).join('; ') +
            '. List them as they are, or leave them out and only reference them.',
          { organisationChanges: check.organisationChanges },
        );
      }
      if (check.exists) await this.store.write(runner, document.key, rows);
      else await this.store.create(runner, document.key, rows);
      const [blueprint] = options.withContents
        ? await this.store.contents(runner, [document.key])
        : await this.store.headers(runner, [document.key]);
      return { blueprint, created: !check.exists, organisationChanges: check.organisationChanges };
    });
  }

  async delete(key: string): Promise<boolean> {
    const deleted = await this.writeBlueprints((runner) => this.store.delete(runner, key));
    if (!deleted) throw new NotFoundError(`No blueprint has the key "${key}"`);
    return true;
  }

  /**
   * The transaction of every blueprint write (import, edit, delete): it queues
   * behind the other blueprint writes first (cypher/blueprint-writes-lock.cypher).
   */
  writeBlueprints<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    return this.executor.write(async (runner) => {
      await this.store.lockWrites(runner);
      return work(runner);
    });
  }

  /** For edits: the blueprint as a document, read inside the caller's write transaction. */
  async documentIn(runner: QueryRunner, key: string): Promise<BlueprintDocument> {
    const blueprint = await this.store.one(runner, key);
    if (!blueprint) throw new NotFoundError(`No blueprint has the key "${key}"`);
    return blueprintToDocument(blueprint);
  }
}

function describeChange(change: OrganisationChange): string {
  const parts: string[] = [];
  if (change.from.name !== change.to.name) parts.push(`renamed from "${change.from.name}" to "${change.to.name}"`);
  if (change.from.department !== change.to.department) {
    parts.push(`moved from department "${change.from.department}" to "${change.to.department}"`);
  }
  return `${change.kind} "${change.key}" ${parts.join(' and ')}`;
}
