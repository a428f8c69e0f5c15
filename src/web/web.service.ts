import { Injectable } from '@nestjs/common';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { Blueprint } from '../blueprints/models/blueprint.model';
import { layoutBlueprint } from './blueprint-layout';
import { renderBlueprintSvg } from './blueprint-svg';
import { blueprintPage, listPage, summarise } from './pages';

/** The pages and pictures, drawn on the server from one read of the blueprints each. */
@Injectable()
export class WebService {
  constructor(private readonly blueprints: BlueprintsService) {}

  async listPage(): Promise<string> {
    const blueprints = await this.blueprints.list(true);
    return listPage(blueprints.map(summarise));
  }

  /** The page with the grid inline, or null when no blueprint has the key. */
  async blueprintPage(key: string): Promise<string | null> {
    const blueprint = await this.blueprints.get(key, true);
    return blueprint ? blueprintPage(blueprint, svgOf(blueprint, false)) : null;
  }

  /** The grid as a file of its own, or null when no blueprint has the key. */
  async blueprintSvg(key: string): Promise<string | null> {
    const blueprint = await this.blueprints.get(key, true);
    return blueprint ? svgOf(blueprint, true) : null;
  }
}

function svgOf(blueprint: Blueprint, standalone: boolean): string {
  return renderBlueprintSvg(layoutBlueprint(blueprint), { title: blueprint.name, standalone });
}
