import { ConsoleLogger, LoggerService } from '@nestjs/common';
import { LoggingConfig } from '../config/app-config';

/** JSON lines for log collectors (the default in production), readable lines for people otherwise. */
export function appLogger(config: LoggingConfig): LoggerService {
  return config.format === 'json' ? new ConsoleLogger({ json: true, colors: false }) : new ConsoleLogger();
}
