import { Injectable, signal } from '@angular/core';

/** What the app keeps in memory across its routes: the end-to-end test reads it to prove no step reloaded the app. */
@Injectable({ providedIn: 'root' })
export class EventLog {
  /** Made once per page load. */
  readonly loadId = crypto.randomUUID();
  readonly entries = signal<string[]>([]);
  readonly userId = signal<string | null>(null);

  add(entry: string): void {
    this.entries.update((list) => [...list, entry]);
  }
}
