import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Register the elements before React renders them, so React 19 sees their properties
// (it sets a prop as a property when `prop in element`, else as an attribute).
import '@rights-kit/elements/provider.js';
import '@rights-kit/elements/intake-form.js';
import '@rights-kit/elements/case-tracker.js';
import '@rights-kit/elements/hotline-card.js';
import '@rights-kit/elements/station-locator.js';
import { App } from './App.js';
import './app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
