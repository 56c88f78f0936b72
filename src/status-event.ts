/** Every event of this package bubbles and leaves shadow roots. */
export const EVENT_INIT: EventInit = { bubbles: true, composed: true };

/** Any element: its `status` changed. */
export class StatusChangeEvent<S extends string = string> extends Event {
  static readonly eventName = 'oauth-elements-status';
  constructor(
    readonly status: S,
    readonly previous: S | undefined,
  ) {
    super(StatusChangeEvent.eventName, EVENT_INIT);
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  get detail(): { status: S; previous: S | undefined } {
    return { status: this.status, previous: this.previous };
  }
}
