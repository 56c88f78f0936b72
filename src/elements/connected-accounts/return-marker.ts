/** What the element was doing when it sent the visitor to the provider, so the page it comes back to can say how it went. */
export interface PendingReturn {
  action: 'connect' | 'reconnect' | 'reauthorize';
  strategy: string;
  userId: string;
  /** `reauthorize`: the scopes that were missing before. */
  missingScopes?: string[];
}

const KEY = 'clerk-oauth-elements/connected-accounts/pending';

/** Kept in sessionStorage: this tab only, gone when it closes. Unavailable storage just means no outcome message. */
export function rememberReturn(pending: PendingReturn): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(pending));
  } catch {
    // Storage blocked: the list still shows the outcome, only the message is lost.
  }
}

/** Takes (and forgets) the pending return for this user, if there is one. */
export function takeReturn(userId: string): PendingReturn | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const pending = JSON.parse(raw) as PendingReturn;
    if (pending.userId !== userId) return undefined;
    sessionStorage.removeItem(KEY);
    return typeof pending.strategy === 'string' ? pending : undefined;
  } catch {
    return undefined;
  }
}
