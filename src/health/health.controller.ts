import { All, Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Neo4jExecutor } from '../database/executor';

const PING_TIMEOUT_MS = 3_000;

@Controller('health')
export class HealthController {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** 200 when the API and the database answer; 503 naming what is down otherwise. */
  @Get()
  async health(@Res() response: Response): Promise<void> {
    try {
      await withTimeout(this.executor.ping(), PING_TIMEOUT_MS);
      response.status(HttpStatus.OK).json({ status: 'ok', api: 'up', database: 'up' });
    } catch (error) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        status: 'unavailable',
        api: 'up',
        database: 'down',
        reason: (error as Error).message,
      });
    }
  }

  /** Probes GET (or HEAD) it; anything else is refused without reading a body, which nobody authenticated sent. */
  @All()
  otherMethods(@Res() response: Response): void {
    response.setHeader('Allow', 'GET, HEAD');
    response.status(HttpStatus.METHOD_NOT_ALLOWED).json({ status: 'method not allowed', allow: ['GET', 'HEAD'] });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
