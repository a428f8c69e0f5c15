import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { DemoData } from './demo-data';

@Module({ imports: [BlueprintsModule], providers: [DemoData], exports: [DemoData] })
export class DemoModule {}
