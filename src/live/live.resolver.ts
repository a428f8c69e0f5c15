import { Args, Info, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { CONTENT_FIELDS } from '../blueprints/blueprints.resolver';
import { Blueprint } from '../blueprints/models/blueprint.model';
import { selectsAnyOf } from '../common/selection';
import { BlueprintChangeEvent, BlueprintChangeFeed } from './blueprint-change-feed';
import { BlueprintChange } from './models/blueprint-change.model';

/** `blueprintChanged(key)`: every write to one blueprint, pushed over graphql-ws on /graphql. */
@Resolver(() => BlueprintChange)
export class LiveResolver {
  constructor(
    private readonly feed: BlueprintChangeFeed,
    private readonly blueprints: BlueprintsService,
  ) {}

  @Subscription(() => BlueprintChange, {
    description:
      'One message per write that changes the blueprint (import, edit, restore, duplicate into it, delete), from any app instance ' +
      'on the database, within about a second; writes that change nothing send none.',
    resolve: (event: BlueprintChangeEvent): BlueprintChange => ({ ...event, deleted: event.version === null }),
  })
  blueprintChanged(@Args('key', { description: 'the key of the blueprint to watch' }) key: string): AsyncIterableIterator<BlueprintChangeEvent> {
    return changesOf(this.feed, key);
  }

  @ResolveField(() => Blueprint, { nullable: true, description: 'the blueprint as it is when the message is sent; null when deleted' })
  blueprint(@Parent() change: BlueprintChange, @Info() info: GraphQLResolveInfo): Promise<Blueprint | null> {
    return change.deleted ? Promise.resolve(null) : this.blueprints.get(change.blueprintKey, selectsAnyOf(info, CONTENT_FIELDS));
  }
}

/** The feed's events for one key as an async iterator, which stops watching when the client unsubscribes. */
function changesOf(feed: BlueprintChangeFeed, key: string): AsyncIterableIterator<BlueprintChangeEvent> {
  const queue: BlueprintChangeEvent[] = [];
  let wakeUp: (() => void) | undefined;
  let done = false;
  const watching = feed.watch(key, (event) => {
    queue.push(event);
    wakeUp?.();
  });
  const finish = async (): Promise<IteratorResult<BlueprintChangeEvent>> => {
    done = true;
    wakeUp?.();
    (await watching)();
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<BlueprintChangeEvent> = {
    async next() {
      await watching;
      while (!done && queue.length === 0) await new Promise<void>((resolve) => (wakeUp = resolve));
      wakeUp = undefined;
      if (done) return { value: undefined, done: true };
      return { value: queue.shift()!, done: false };
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
