// Form.io: @formio/js renderer with its form stylesheet and Bootstrap's, which its default templates use.
import { Formio } from '@formio/js';
import '@formio/js/dist/formio.form.min.css';
import 'bootstrap/dist/css/bootstrap.min.css';
import { formioJson } from './definition.mjs';

Formio.createForm(document.getElementById('form'), formioJson);
