import { BlueprintStore } from '../../src/blueprints/blueprint-store';
import { naiveQuery } from './naive-cypher';
import { checkDocument } from '../../src/blueprints/document-validation';
import { ImportRows, documentToRows } from '../../src/blueprints/document-rows';
import { ImportMode } from '../../src/blueprints/models/enums';
import { BadUserInputError, ConflictError } from '../../src/common/errors';
import { int } from '../../src/database/driver-values';
import { Neo4jExecutor, QueryRunner } from '../../src/database/executor';

/**
 * The import as it would be written without batching, for the benchmark
 * only: the same checks, the same single transaction, the same read-back (the
 * header) as BlueprintsService.import, but one statement (one round trip) for
 * every node and every relationship instead of one UNWIND per kind. The
 * statements are tools/bench/cypher/naive-*.cypher.
 */
export async function naiveImport(
  executor: Neo4jExecutor,
  store: BlueprintStore,
  raw: unknown,
  mode: ImportMode,
): Promise<{ created: boolean }> {
  const { document, problems, externalReferences } = checkDocument(raw);
  if (!document) throw new BadUserInputError(problems);
  return executor.write(async (runner) => {
    const check = await store.checkImport(runner, document.key, externalReferences);
    const allProblems = [...problems, ...check.problems];
    if (allProblems.length > 0) throw new BadUserInputError(allProblems);
    if (check.exists && mode === ImportMode.CREATE) throw new ConflictError(`A blueprint with the key "${document.key}" exists`);
    await writeOneByOne(runner, document.key, documentToRows(document), check.exists);
    await store.headers(runner, [document.key]);
    return { created: !check.exists };
  });
}

async function writeOneByOne(runner: QueryRunner, blueprintKey: string, rows: ImportRows, exists: boolean): Promise<void> {
  // The blueprint node itself: the same statements as the batched import.
  if (exists) {
    await runner.run('blueprint-merge', { key: blueprintKey, ...rows.properties });
    await runner.run('blueprint-unlink', { key: blueprintKey, stageKeys: [], stepKeys: [], actionKeys: [], painPointKeys: [] });
  } else {
    await runner.run('blueprint-create', { key: blueprintKey, ...rows.properties });
  }

  for (const { key, name } of rows.departments) await runner.run(naiveQuery('naive-merge-department'), { key, name });
  const orgKinds = [
    ['role', rows.roles],
    ['system', rows.systems],
    ['process', rows.processes],
  ] as const;
  for (const [kind, entries] of orgKinds) {
    for (const { key, name, department } of entries) {
      await runner.run(naiveQuery(`naive-merge-${kind}`), { key, name });
      await runner.run(naiveQuery(`naive-link-${kind}-department`), { key, department });
    }
  }
  // A field a row leaves out is null, and a key's position in its list is its index (see document-rows.ts).
  for (const { key, name, position } of rows.stages) {
    await runner.run(naiveQuery('naive-create-stage'), { blueprintKey, key, name, position });
    await runner.run(naiveQuery('naive-link-stage'), { blueprintKey, key });
  }
  for (const { key, name, evidence, stage, position } of rows.steps) {
    await runner.run(naiveQuery('naive-create-step'), { blueprintKey, key, name, evidence, position });
    await runner.run(naiveQuery('naive-link-step'), { blueprintKey, key, stage });
  }
  for (const action of rows.actions) {
    const { key, step, lane, name, description, channel, touchpoint, emotion, role, department, process, position } = action;
    await runner.run(naiveQuery('naive-create-action'), {
      blueprintKey,
      key,
      lane,
      name,
      description: description ?? null,
      channel: channel ?? null,
      touchpoint: touchpoint ?? null,
      emotion: emotion ?? null,
      position,
    });
    await runner.run(naiveQuery('naive-link-action'), { blueprintKey, key, step });
    if (role != null) await runner.run(naiveQuery('naive-link-action-role'), { blueprintKey, key, role });
    if (department != null) await runner.run(naiveQuery('naive-link-action-department'), { blueprintKey, key, department });
    if (process != null) await runner.run(naiveQuery('naive-link-action-process'), { blueprintKey, key, process });
  }
  for (const { action, systems } of rows.actionSystems) {
    for (const [position, system] of systems.entries()) {
      await runner.run(naiveQuery('naive-create-action-system'), { blueprintKey, action, system, position: int(position) });
    }
  }
  for (const { from, to } of rows.dependencies) {
    for (const [position, target] of to.entries()) {
      await runner.run(naiveQuery('naive-create-dependency'), { blueprintKey, from, to: target, position: int(position) });
    }
  }
  for (const painPoint of rows.painPoints) {
    const { key, title, description, action, severity, frequency, category, position } = painPoint;
    await runner.run(naiveQuery('naive-create-pain-point'), {
      blueprintKey,
      key,
      title,
      description: description ?? null,
      severity,
      frequency,
      category,
      position,
    });
    await runner.run(naiveQuery('naive-link-pain-point'), { blueprintKey, key });
    await runner.run(naiveQuery('naive-link-pain-point-action'), { blueprintKey, key, action });
  }
  for (const { painPoint, causes } of rows.painCauses) {
    for (const [position, action] of causes.entries()) {
      await runner.run(naiveQuery('naive-create-pain-cause'), { blueprintKey, painPoint, action, position: int(position) });
    }
  }
}

/**
 * What an import of the document writes: its nodes (the blueprint, the
 * organisation entries it lists, stages, steps, actions, pain points) and
 * relationships. The naive import runs one statement for each.
 */
export function elementCount(raw: unknown): { nodes: number; relationships: number } {
  const { document, problems } = checkDocument(raw);
  if (!document || problems.length > 0) throw new Error(`not a valid document: ${JSON.stringify(problems.slice(0, 3))}`);
  const rows = documentToRows(document);
  const org = rows.roles.length + rows.systems.length + rows.processes.length;
  const nodes =
    1 + rows.departments.length + org + rows.stages.length + rows.steps.length + rows.actions.length + rows.painPoints.length;
  const actionLinks = rows.actions.reduce(
    (sum, action) => sum + 1 + (action.role != null ? 1 : 0) + (action.department != null ? 1 : 0) + (action.process != null ? 1 : 0),
    0,
  );
  const relationships =
    org +
    rows.stages.length +
    rows.steps.length +
    actionLinks +
    rows.actionSystems.reduce((sum, { systems }) => sum + systems.length, 0) +
    rows.dependencies.reduce((sum, { to }) => sum + to.length, 0) +
    2 * rows.painPoints.length +
    rows.painCauses.reduce((sum, { causes }) => sum + causes.length, 0);
  return { nodes, relationships };
}
