import { createApp } from 'vue';
// Register the elements before mounting, so Vue sees their properties and sets them as such.
import '@rights-kit/elements/provider.js';
import '@rights-kit/elements/intake-form.js';
import '@rights-kit/elements/case-tracker.js';
import '@rights-kit/elements/hotline-card.js';
import '@rights-kit/elements/station-locator.js';
import App from './App.vue';
import './app.css';

createApp(App).mount('#app');
