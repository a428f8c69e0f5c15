import { Controller, Get, HttpStatus, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../config/app-config';
import { notFoundPage } from './pages';
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
  async list(@Res() response: Response): Promise<void> {
    sendHtml(response, HttpStatus.OK, await this.web.listPage());
  }

  /** `/blueprints/KEY` is the page, `/blueprints/KEY.svg` the picture (a page whose key ends in .svg still resolves). */
  @Get('blueprints/:key')
  async blueprint(@Param('key') key: string, @Res() response: Response): Promise<void> {
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
    const html = await this.web.blueprintPage(key);
    if (html === null) sendHtml(response, HttpStatus.NOT_FOUND, notFoundPage(key));
    else sendHtml(response, HttpStatus.OK, html);
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

function sendHtml(response: Response, status: number, html: string): void {
  response
    .status(status)
    .type('text/html; charset=utf-8')
    .set('Content-Security-Policy', PAGE_POLICY)
    .set('X-Content-Type-Options', 'nosniff')
    .send(html);
}
