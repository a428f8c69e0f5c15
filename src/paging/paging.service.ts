import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError, Problem } from '../common/errors';
import { BlueprintStore } from '../blueprints/blueprint-store';
import { Neo4jExecutor } from '../database/executor';
import { int } from '../database/driver-values';
import { minSeverityProblems } from '../analysis/dto/analysis.args';
import { BlueprintPlace, PAGE_SIZE, PainPointPlace, decodeCursor, encodeCursor, isProblem, pageSizeProblems } from './cursor';
import { BlueprintPageArgs, PainPointOrder, PainPointPageArgs } from './dto/paging.args';
import { BlueprintConnection, PainPointConnection } from './models/connections.model';

/**
 * The paged lists that dashboards and BI tools walk: one read of the page's
 * places (pain-points-page.cypher, blueprints-page.cypher), then one read of
 * the page's own blueprints for what the edges hold.
 */
@Injectable()
export class PagingService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly store: BlueprintStore,
  ) {}

  async painPoints(args: PainPointPageArgs): Promise<PainPointConnection> {
    const order = args.orderBy ?? PainPointOrder.IMPACT;
    const problems: Problem[] = [...pageSizeProblems(args.first), ...minSeverityProblems(args.minSeverity)];
    const after = args.after == null ? null : decodeCursor('painPoints', args.after, order);
    if (after && isProblem(after)) problems.push(after);
    if (problems.length > 0) throw new BadUserInputError(problems);
    const first = args.first ?? PAGE_SIZE.default;
    const place = after as PainPointPlace | null;

    return this.executor.read(async (runner) => {
      const [row] = await runner.run('pain-points-page', {
        blueprintKey: args.blueprintKey ?? null,
        states: args.states ?? null,
        categories: args.categories ?? null,
        minSeverity: args.minSeverity == null ? null : int(args.minSeverity),
        orderBy: order,
        after: place && { value: place.value, blueprintKey: place.blueprintKey, key: place.key },
        limit: int(first + 1),
      });
      const places = row.page as Omit<PainPointPlace, 'order'>[];
      if (args.blueprintKey != null && row.totalCount === 0 && (await this.store.headers(runner, [args.blueprintKey])).length === 0) {
        throw new NotFoundError(`No blueprint has the key "${args.blueprintKey}"`);
      }
      const shown = places.slice(0, first);
      const blueprints = await this.store.contents(runner, [...new Set(shown.map((p) => p.blueprintKey))]);
      const painPoints = new Map(blueprints.flatMap((b) => b.painPoints.map((p) => [`${b.key}\u0000${p.key}`, p] as const)));
      // A pain point removed between the two reads is left out of the page; the next page still starts after its place.
      const edges = shown.flatMap((p) => {
        const node = painPoints.get(`${p.blueprintKey}\u0000${p.key}`);
        return node ? [{ cursor: encodeCursor('painPoints', { order, ...p }), node }] : [];
      });
      const last = shown[shown.length - 1];
      return {
        totalCount: row.totalCount as number,
        edges,
        pageInfo: { hasNextPage: places.length > first, endCursor: last ? encodeCursor('painPoints', { order, ...last }) : null },
      };
    });
  }

  async blueprints(args: BlueprintPageArgs, withContents: boolean): Promise<BlueprintConnection> {
    const problems: Problem[] = [...pageSizeProblems(args.first)];
    const after = args.after == null ? null : decodeCursor('blueprints', args.after);
    if (after && isProblem(after)) problems.push(after);
    if (problems.length > 0) throw new BadUserInputError(problems);
    const first = args.first ?? PAGE_SIZE.default;

    return this.executor.read(async (runner) => {
      const [row] = await runner.run('blueprints-page', {
        states: args.states ?? null,
        after: (after as BlueprintPlace | null)?.key ?? null,
        limit: int(first + 1),
      });
      const keys = (row.page as string[]).slice(0, first);
      const read = withContents ? await this.store.contents(runner, keys) : await this.store.headers(runner, keys);
      const byKey = new Map(read.map((blueprint) => [blueprint.key, blueprint]));
      const edges = keys.flatMap((key) => {
        const node = byKey.get(key);
        return node ? [{ cursor: encodeCursor('blueprints', { key }), node }] : [];
      });
      const last = keys[keys.length - 1];
      return {
        totalCount: row.totalCount as number,
        edges,
        pageInfo: { hasNextPage: (row.page as string[]).length > first, endCursor: last === undefined ? null : encodeCursor('blueprints', { key: last }) },
      };
    });
  }
}
