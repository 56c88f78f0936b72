import type { SignUpResource } from '@clerk/shared/types';
import type { ClerkInstance } from '../../context.js';

/** What is known once the sign-up's session is active. */
export interface Completion {
  sessionId: string | null;
  /** The session's pending task key (e.g. `choose-organization`), when it has one. */
  task?: string;
  /** Clerk's `decorateUrl`: only valid inside `setActive`'s `navigate` callback, so it is handed over there. */
  decorate?: (url: string) => string;
  /** False when Clerk already navigated itself (its own `taskUrls`): the element only reports. */
  navigate: boolean;
}

/**
 * Activates the finished sign-up's session. `then` runs inside `setActive`'s `navigate` callback when Clerk
 * hands navigation over (so its `decorateUrl` can still refresh the client cookie), otherwise right after.
 */
export async function activateSignUp(clerk: ClerkInstance, signUp: SignUpResource, then: (done: Completion) => Promise<void>): Promise<void> {
  const sessionId = signUp.createdSessionId;
  let handled = false;
  if (sessionId) {
    await clerk.setActive({
      session: sessionId,
      navigate: async ({ session, decorateUrl }) => {
        handled = true;
        await then({ sessionId: session?.id ?? sessionId, task: session?.currentTask?.key, decorate: decorateUrl, navigate: true });
      },
    });
  }
  if (handled) return;
  const session = clerk.session ?? undefined;
  // With a session Clerk did not call back, it navigated by itself; without one there was nothing to activate.
  await then({ sessionId: session?.id ?? sessionId, task: session?.currentTask?.key, navigate: !sessionId });
}

export interface DestinationOptions {
  redirectUrlComplete?: string;
  /** The provider's `sign-up-fallback-redirect-url`. */
  fallbackRedirectUrl?: string;
  /** `{task}` becomes the task key. */
  taskUrl?: string;
  /** Clerk's own task URL (`clerk.buildTasksUrl()`), if it has one. */
  clerkTasksUrl?: string;
  signInUrl: string;
}

/** Where a completed sign-up goes: its pending task, else the after-sign-up URL. */
export function destinationOf(task: string | undefined, options: DestinationOptions): { url: string; reason: 'complete' | 'session-task' } {
  if (!task) return { url: options.redirectUrlComplete || options.fallbackRedirectUrl || '/', reason: 'complete' };
  if (options.taskUrl) return { url: options.taskUrl.replace('{task}', encodeURIComponent(task)), reason: 'session-task' };
  return { url: options.clerkTasksUrl || `${options.signInUrl}#/tasks/${task}`, reason: 'session-task' };
}
