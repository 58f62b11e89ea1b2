// GC Design System: the components the petition uses, from the package's custom-elements build, and its
// stylesheet; the page's markup holds the components.
import '@cdssnc/gcds-components/dist/gcds/gcds.css';
import { defineCustomElement as radios } from '@cdssnc/gcds-components/dist/components/gcds-radios.js';
import { defineCustomElement as input } from '@cdssnc/gcds-components/dist/components/gcds-input.js';
import { defineCustomElement as textarea } from '@cdssnc/gcds-components/dist/components/gcds-textarea.js';
import { defineCustomElement as select } from '@cdssnc/gcds-components/dist/components/gcds-select.js';
import { defineCustomElement as checkboxes } from '@cdssnc/gcds-components/dist/components/gcds-checkboxes.js';
import { defineCustomElement as button } from '@cdssnc/gcds-components/dist/components/gcds-button.js';

for (const define of [radios, input, textarea, select, checkboxes, button]) define();
