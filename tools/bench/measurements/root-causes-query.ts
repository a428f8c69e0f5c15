import { AnalysisService } from '../../../src/analysis/analysis.service';
import { DEFAULT_FLOW_PARAMS } from '../../../src/analysis/blame-flow';
import { RootCauseReport } from '../../../src/analysis/models/analysis.models';
import { contributionChains } from '../../../src/analysis/pain-point-chains';

/** The operations lead's question: which departments cause the pain, and through which chains. */
export const ROOT_CAUSES = `query RootCauses($key: String) {
  rootCauses(blueprintKey: $key) {
    painPointCount totalImpact unattributedImpact
    departments {
      rank score share department { key name }
      contributions { score painPoint { key blueprintKey } chains(limit: 3) { mass actions { key } } }
    }
  }
}`;

/** The same answer computed in this process by the same code the resolvers call, in the shape of ROOT_CAUSES. */
export async function rootCausesInProcess(analysis: AnalysisService, blueprintKey: string | null) {
  const report = await analysis.rootCauses({ blueprintKey, ...DEFAULT_FLOW_PARAMS });
  return { rootCauses: await shapeOf(report) };
}

async function shapeOf(report: RootCauseReport) {
  return {
    painPointCount: report.painPointCount,
    totalImpact: report.totalImpact,
    unattributedImpact: report.unattributedImpact,
    departments: await Promise.all(
      report.departments.map(async (entry) => ({
        rank: entry.rank,
        score: entry.score,
        share: entry.share,
        department: { key: entry.department.key, name: entry.department.name },
        contributions: await Promise.all(
          entry.contributions.map(async (contribution) => ({
            score: contribution.score,
            painPoint: { key: contribution.painPoint.key, blueprintKey: contribution.painPoint.blueprintKey },
            chains: (await contributionChains(contribution, 3)).map((chain) => ({
              mass: chain.mass,
              actions: chain.actions.map((action) => ({ key: action.key })),
            })),
          })),
        ),
      })),
    ),
  };
}
