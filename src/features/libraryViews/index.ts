import type { Services } from '../../host/services';
import { PaperViews } from './paperViews';

export type { PaperViews } from './paperViews';

/**
 * The side bar: the Library, Has Code and Top Upvoted views with their title-bar commands. Returns the
 * views (a disposable that owns the commands too), which the test-mode API reads.
 */
export function register(services: Services): PaperViews {
  return new PaperViews(services);
}
