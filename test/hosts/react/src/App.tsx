import { useCallback, useState } from 'react';
import type { RightsStationSelectedEvent, RightsSubmittedEvent } from '@rights-kit/elements';

export function App() {
  const [reference, setReference] = useState<string>();
  const [station, setStation] = useState<string>();

  // React 19 adds `onrights-submitted` as a listener for the `rights-submitted` event.
  const onSubmitted = useCallback((event: RightsSubmittedEvent) => setReference(event.receipt.reference), []);
  const onStationSelected = useCallback((event: RightsStationSelectedEvent) => setStation(event.station.id), []);

  return (
    <>
      <header className="site-header">
        <h1>Qinghe County Women's Federation</h1>
        <p>React host</p>
      </header>
      <main>
        <rights-provider base-url="/v1" locale="en">
          <section aria-labelledby="help-title">
            <h2 id="help-title">Talk to someone now</h2>
            <rights-hotline-card hotline-id="12338"></rights-hotline-card>
          </section>

          <section aria-labelledby="ask-title">
            <h2 id="ask-title">Ask for help</h2>
            {/* hotlineNumber is a property: React 19 sets it as one because the element has it. */}
            <rights-intake-form hotlineNumber="12338" onrights-submitted={onSubmitted}></rights-intake-form>
            {reference && (
              <p id="host-receipt" className="host-receipt">
                Your reference is <output id="host-reference">{reference}</output>. Keep it with your access code.
              </p>
            )}
          </section>

          <section aria-labelledby="track-title">
            <h2 id="track-title">Follow your case</h2>
            {/* The reference from the event, handed to the tracker as a property. */}
            <rights-case-tracker reference={reference}></rights-case-tracker>
          </section>

          <section aria-labelledby="find-title">
            <h2 id="find-title">Find a station near you</h2>
            <rights-station-locator onrights-station-selected={onStationSelected}></rights-station-locator>
            {station && (
              <p id="host-station" className="host-station">
                Chosen: <output id="host-station-name">{station}</output>
              </p>
            )}
          </section>
        </rights-provider>
      </main>
    </>
  );
}
