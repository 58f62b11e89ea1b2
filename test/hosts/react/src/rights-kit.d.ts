// JSX types for every Rights Kit tag, generated from the elements' manifest (docs/frameworks/react.md §3).
import type {} from '@rights-kit/elements/react-jsx';
