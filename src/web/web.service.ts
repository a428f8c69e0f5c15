import { Injectable } from '@nestjs/common';
import { cardMatches, cardOfAction } from '../analysis/things';
import { actionsOf, blueprintToDocument, documentToBlueprint } from '../blueprints/blueprint-assembly';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { Blueprint } from '../blueprints/models/blueprint.model';
import { ComparisonService } from '../comparison/comparison.service';
import { VersionedKey, versionedKeyText } from '../history/versioned-key';
import { lintDocument } from '../lint/lint-document';
import { layoutBlueprint } from './blueprint-layout';
import { SvgOptions, renderBlueprintSvg } from './blueprint-svg';
import { comparePanels, comparisonMarks, historyPanel, lintPanel, versionBanner } from './living-pages';
import { OpportunitiesService } from '../opportunities/opportunities.service';
import { OpportunityRow } from './decision-pages';
import { PageAccess, blueprintPage, comparePage, listPage, opportunitiesPage, summarise } from './pages';
import { editorLayer } from './editor-layer';

/** The server-drawn parts of a blueprint page that change with its versions (markup). */
export interface BlueprintParts {
  version: number;
  grid: string;
  history: string;
  lint: string;
}

/** The pages and pictures, drawn on the server from the blueprints they show. */
@Injectable()
export class WebService {
  constructor(
    private readonly blueprints: BlueprintsService,
    private readonly comparison: ComparisonService,
    private readonly opportunities: OpportunitiesService,
  ) {}

  async listPage(access: PageAccess): Promise<string> {
    const blueprints = await this.blueprints.list(true);
    return listPage(blueprints.map(summarise), access);
  }

  /**
   * The page with the grid inline, its history and its lint, or null when no
   * blueprint has the key. With a version, that version read-only (NOT_FOUND
   * when it is not kept).
   */
  async blueprintPage(key: string, version: number | undefined, access: PageAccess): Promise<string | null> {
    const current = await this.blueprints.get(key, version === undefined);
    if (!current) return null;
    const versions = await this.blueprints.versions(key);
    const document = version === undefined ? blueprintToDocument(current) : await this.blueprints.export(key, version);
    const shown = version === undefined ? current : documentToBlueprint(document, version);
    const panels = historyPanel(key, versions, current.version, shown.version) + lintPanel(document, lintDocument(document));
    return blueprintPage(
      shown,
      pageGrid(shown, access.canEdit && version === undefined),
      {
        panels,
        version: shown.version,
        current: current.version,
        banner: version === undefined ? undefined : versionBanner(key, version, current.version),
      },
      access,
    );
  }

  /**
   * What an open blueprint page swaps in when the blueprint changed: the grid
   * of the newest version as its write left it, the history and the lint. It
   * reads the newest kept document rather than the whole graph, so that an
   * edit is drawn soon after it is made.
   */
  async blueprintParts(key: string, access: PageAccess): Promise<BlueprintParts> {
    const { document, version, versions } = await this.blueprints.newestVersion(key);
    return {
      version,
      grid: pageGrid(documentToBlueprint(document, version), access.canEdit),
      history: historyPanel(key, versions, version, version),
      lint: lintPanel(document, lintDocument(document)),
    };
  }

  /** The grid as a file of its own, or null when no blueprint has the key. */
  async blueprintSvg(key: string): Promise<string | null> {
    const blueprint = await this.blueprints.get(key, true);
    return blueprint ? svgOf(blueprint, { standalone: true }) : null;
  }

  /** The compare view of two blueprints or versions (NOT_FOUND when one is not there). */
  async comparePage(from: VersionedKey, to: VersionedKey): Promise<string> {
    const { comparison, after } = await this.comparison.compareWithDocuments(from.key, to.key, from.version ?? null, to.version ?? null);
    const drawn = documentToBlueprint(after.document, after.version);
    const sides = { from: { key: from.key, version: comparison.fromVersion }, to: { key: to.key, version: comparison.toVersion } };
    const title = `${versionedKeyText(sides.from)} → ${versionedKeyText(sides.to)}`;
    const svg = svgOf(drawn, { standalone: false, marks: comparisonMarks(comparison) });
    return comparePage(title, svg, comparePanels(comparison, from, to));
  }

  /** The opportunities as the API ranks them, each with the blueprints whose cards its fixes match. */
  async opportunitiesPage(): Promise<string> {
    const [opportunities, blueprints] = await Promise.all([this.opportunities.list(), this.blueprints.list(true)]);
    const cardsOf = blueprints.map((blueprint) => ({ blueprint, cards: actionsOf(blueprint).map(cardOfAction) }));
    const rows: OpportunityRow[] = opportunities.map((opportunity) => ({
      ...opportunity,
      cards: cardsOf
        .map(({ blueprint, cards }) => ({
          blueprintKey: blueprint.key,
          name: blueprint.name,
          count: cards.filter((card) => opportunity.fixes.some((fix) => cardMatches(card, blueprint.key, fix))).length,
        }))
        .filter((c) => c.count > 0),
    }));
    return opportunitiesPage(rows);
  }
}

function svgOf(blueprint: Blueprint, options: Omit<SvgOptions, 'title'>): string {
  return renderBlueprintSvg(layoutBlueprint(blueprint), { title: blueprint.name, ...options });
}

/** The grid inline in a blueprint page, with the editor's controls over it when the page edits. */
function pageGrid(blueprint: Blueprint, editable: boolean): string {
  const layout = layoutBlueprint(blueprint);
  return renderBlueprintSvg(layout, { title: blueprint.name, standalone: false }) + (editable ? editorLayer(layout) : '');
}
