import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
// Register the elements (side-effect imports) before the app renders them.
import '@rights-kit/elements/provider.js';
import '@rights-kit/elements/intake-form.js';
import '@rights-kit/elements/case-tracker.js';
import '@rights-kit/elements/hotline-card.js';
import '@rights-kit/elements/station-locator.js';
import { AppComponent } from './app/app.component';

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
