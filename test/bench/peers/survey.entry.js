// SurveyJS: survey-core's model + survey-js-ui's renderer, its default theme.
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import 'survey-core/survey-core.min.css';
import { surveyJson } from './definition.mjs';

renderSurvey(new Model(surveyJson), document.getElementById('form'));
