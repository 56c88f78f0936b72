import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ClerkController } from './clerk-controller.js';
import type { ClerkContextValue } from './context.js';
import { StatusChangeEvent } from './events.js';
import { translate } from './localization.js';
import { hostStyles } from './styles.js';

/**
 * What every flow element shares: the Clerk context (from a provider or the page's Clerk), a reflected
 * `status` announced by `oauth-elements-status`, and labels from the provider's localization.
 */
export abstract class ClerkFlowElement<S extends string> extends LitElement {
  static override styles = [hostStyles];

  /** The current state of the element, reflected so pages can style `[status=error]`. Read-only for pages. */
  @property({ reflect: true })
  status!: S;

  protected readonly clerkContext = new ClerkController(this, (value) => this.clerkChanged(value));

  /** The shared Clerk context value; never undefined. */
  protected get ctx(): ClerkContextValue {
    return this.clerkContext.value;
  }

  /** Called on every context change (before the re-render), to derive status or start one-time work. */
  protected clerkChanged(_value: ClerkContextValue): void {}

  /** Label lookup in the provider's localization, English by default. */
  protected t(key: string, params?: Record<string, string | number | undefined>): string {
    return translate(this.ctx.localization, key, params);
  }

  /** Moves to a new status and announces it (synchronously, so listeners see every step). */
  protected setStatus(next: S): void {
    const previous = this.status;
    if (previous === next) return;
    this.status = next;
    const event = new StatusChangeEvent<S>(next, previous);
    this.dispatchEvent(event);
  }
}
