import { drain } from '../common/pacer';
import { Chain, ChainsByDepartment, chainSearch } from './blame-chains';
import { FlowParams, FlowSource } from './blame-flow';
import { BlueprintFlow } from './flow-model';
import { BlameChain, PainContribution } from './models/analysis.models';

/**
 * The chains of one pain point: one search serves all its contributions (every
 * department it reaches), made when a client first asks and kept for the
 * largest limit asked, since a smaller limit's chains are that list's head.
 */
export class PainPointChains {
  private searched?: { limit: number; result: Promise<ChainsByDepartment> };

  constructor(
    private readonly flow: BlueprintFlow,
    private readonly source: FlowSource,
    private readonly params: FlowParams,
  ) {}

  async of(department: string, limit: number): Promise<BlameChain[]> {
    if (!this.searched || this.searched.limit < limit) this.searched = { limit, result: this.search(limit) };
    const chains: Chain[] = (await this.searched.result).get(department) ?? [];
    return chains.slice(0, limit).map((chain) => ({
      actions: chain.actions.map((key) => this.flow.actions.get(key)!),
      mass: chain.mass,
    }));
  }

  private async search(limit: number): Promise<ChainsByDepartment> {
    const result: ChainsByDepartment = new Map();
    await drain(chainSearch(this.flow.graph, this.source, this.params, limit, result));
    return result;
  }
}

/** The `limit` chains that carried most of a contribution's mass, computed only when asked for. */
export function contributionChains(contribution: PainContribution, limit: number): Promise<BlameChain[]> {
  return contribution.chainSource.chains.of(contribution.chainSource.department, limit);
}
