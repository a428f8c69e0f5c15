import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../config/app-config';
import { GraphQLError } from 'graphql';
import { parseVersionedKey } from '../history/versioned-key';
import { AccessRole, allows } from '../security/access-role';
import { OPEN_ACCESS, RequestWithPrincipal } from '../security/principal';
import { PageAccess, notFoundPage, problemPage } from './pages';
import { WebService } from './web.service';

/** Where the build puts the page's script (scripts/build-client.js). */
export const CLIENT_BUNDLE = path.join(PROJECT_ROOT, 'dist', 'public', 'blueprint-page.js');

/** Pages may load only what the app serves; the SVG file may run nothing at all. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

@Controller()
export class WebController {
  constructor(private readonly web: WebService) {}

  @Get()
  async list(@Req() request: RequestWithPrincipal, @Res() response: Response): Promise<void> {
    sendHtml(response, HttpStatus.OK, await this.web.listPage(accessOf(request)));
  }

  /** `/blueprints/KEY` is the page, `/blueprints/KEY.svg` the picture (a page whose key ends in .svg still resolves). */
  /** `/blueprints/KEY?version=N` shows a kept version, read-only. */
  @Get('blueprints/:key')
  async blueprint(
    @Param('key') key: string,
    @Query('version') versionText: unknown,
    @Req() request: RequestWithPrincipal,
    @Res() response: Response,
  ): Promise<void> {
    if (key.endsWith('.svg')) {
      const svg = await this.web.blueprintSvg(key.slice(0, -'.svg'.length));
      if (svg !== null) {
        response
          .status(HttpStatus.OK)
          .type('image/svg+xml; charset=utf-8')
          .set('Content-Security-Policy', SVG_POLICY)
          .set('X-Content-Type-Options', 'nosniff')
          .send(svg);
        return;
      }
    }
    let version: number | undefined;
    if (versionText !== undefined) {
      version = typeof versionText === 'string' && /^\d{1,9}$/.test(versionText) ? Number(versionText) : NaN;
      if (Number.isNaN(version)) {
        sendHtml(response, HttpStatus.BAD_REQUEST, problemPage('Not a version', 'The version in the address must be a whole number, e.g. ?version=3.'));
        return;
      }
    }
    const html = await pageOrProblem(response, () => this.web.blueprintPage(key, version, accessOf(request)));
    if (html === undefined) return;
    if (html === null) sendHtml(response, HttpStatus.NOT_FOUND, notFoundPage(key));
    else sendHtml(response, HttpStatus.OK, html);
  }

  /**
   * `/blueprints/KEY/parts` (JSON): the server-drawn parts of the page at the
   * newest version, that an open page swaps in when the blueprint changes
   * (client/live-page.ts).
   */
  @Get('blueprints/:key/parts')
  async parts(@Param('key') key: string, @Req() request: RequestWithPrincipal, @Res() response: Response): Promise<void> {
    try {
      response.set('Cache-Control', 'no-store').json(await this.web.blueprintParts(key, accessOf(request)));
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== 'NOT_FOUND') throw error;
      response.status(HttpStatus.NOT_FOUND).json({ message: error.message });
    }
  }

  /** `/compare?from=A&to=B`, each KEY or KEY@VERSION. */
  @Get('compare')
  async compare(@Query('from') from: unknown, @Query('to') to: unknown, @Res() response: Response): Promise<void> {
    const sides = [from, to].map((side) => (typeof side === 'string' ? parseVersionedKey(side) : null));
    if (!sides[0] || !sides[1]) {
      const message = 'Name the two sides as /compare?from=KEY&to=KEY, each side a blueprint key or KEY@VERSION.';
      sendHtml(response, HttpStatus.BAD_REQUEST, problemPage('What to compare', message));
      return;
    }
    const html = await pageOrProblem(response, () => this.web.comparePage(sides[0]!, sides[1]!));
    if (html) sendHtml(response, HttpStatus.OK, html);
  }

  @Get('opportunities')
  async opportunities(@Res() response: Response): Promise<void> {
    sendHtml(response, HttpStatus.OK, await this.web.opportunitiesPage());
  }

  @Get('assets/blueprint-page.js')
  script(@Res() response: Response): void {
    if (!fs.existsSync(CLIENT_BUNDLE)) {
      response.status(HttpStatus.NOT_FOUND).type('text/plain').send('The page script is not built: run `npm run build`.');
      return;
    }
    response.set('Cache-Control', 'no-cache').set('X-Content-Type-Options', 'nosniff').type('application/javascript');
    response.sendFile(CLIENT_BUNDLE);
  }
}

/** The page, or a 404 page that says what is missing (a blueprint or version not there); undefined once that is sent. */
async function pageOrProblem<T>(response: Response, render: () => Promise<T>): Promise<T | undefined> {
  try {
    return await render();
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code !== 'NOT_FOUND') throw error;
    sendHtml(response, HttpStatus.NOT_FOUND, problemPage('Not found', error.message));
    return undefined;
  }
}

/** Designers and admins get the edit controls; the API refuses a viewer's edits anyway. */
function accessOf(request: RequestWithPrincipal): PageAccess {
  return { canEdit: allows((request.principal ?? OPEN_ACCESS).role, AccessRole.DESIGNER) };
}

function sendHtml(response: Response, status: number, html: string): void {
  response
    .status(status)
    .type('text/html; charset=utf-8')
    .set('Content-Security-Policy', PAGE_POLICY)
    .set('X-Content-Type-Options', 'nosniff')
    .send(html);
}
