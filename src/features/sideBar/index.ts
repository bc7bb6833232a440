import type { Services } from '../../host/services';
import { SideBarViews } from './sideBarViews';

export type { SideBarViews } from './sideBarViews';

/**
 * The side bar: the Library, Has Code and Top Upvoted views with their title-bar commands. Returns the
 * views (a disposable that owns the commands too), which the test-mode API reads.
 */
export function register(services: Services): SideBarViews {
  return new SideBarViews(services);
}
