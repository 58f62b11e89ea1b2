// The host page's own code: plain DOM, no framework. Elements are plain HTML elements, so properties
// are set with `el.prop = value` and the kit's events are heard with addEventListener.
const intake = document.querySelector('#intake');
const tracker = document.querySelector('#tracker');
const locator = document.querySelector('#locator');

// A property (not an attribute): the office's own hotline in the form's emergency panel.
intake.hotlineNumber = '12338';

intake.addEventListener('rights-submitted', (event) => {
  const { reference } = event.receipt; // also event.detail
  document.querySelector('#host-reference').textContent = reference;
  document.querySelector('#host-receipt').hidden = false;
  // Hand the reference to the tracker (a property again); the citizen types only her access code.
  tracker.reference = reference;
});

locator.addEventListener('rights-station-selected', (event) => {
  document.querySelector('#host-station-name').textContent = event.detail.id;
  document.querySelector('#host-station').hidden = false;
});
