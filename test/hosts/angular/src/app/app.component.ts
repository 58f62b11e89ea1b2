import { CUSTOM_ELEMENTS_SCHEMA, ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { RightsStationSelectedEvent, RightsSubmittedEvent } from '@rights-kit/elements';

@Component({
  selector: 'app-root',
  // Lets Angular's template compiler accept <rights-*> tags and bind their properties and events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.component.html',
})
export class AppComponent {
  readonly reference = signal<string | undefined>(undefined);
  readonly station = signal<string | undefined>(undefined);

  // Angular passes the DOM event as $event; its type is Event, so narrow it here.
  onSubmitted(event: Event): void {
    this.reference.set((event as RightsSubmittedEvent).receipt.reference);
  }

  onStationSelected(event: Event): void {
    this.station.set((event as RightsStationSelectedEvent).station.id);
  }
}
