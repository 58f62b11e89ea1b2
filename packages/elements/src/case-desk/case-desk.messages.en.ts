import type { SignInMessages } from './case-desk.messages.js';

/** The desk's first words in English, loaded only when a page asks for English (case-desk.messages.ts). */
const en: SignInMessages = {
  title: 'Case desk',
  noToken: 'Sign in first. This page has no staff credentials yet, so no cases are shown.',
  signInHeading: 'Staff sign-in',
  signInName: 'Name',
  signInPassword: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInNameRequired: 'Enter your name.',
  signInPasswordRequired: 'Enter your password.',
  signInFailed: 'The name or the password is not right.',
  signInLimited: 'Too many failed sign-ins. Try again later.',
  signedInAs: (name: string, role: string): string => `Signed in as ${name} (${role})`,
  signOut: 'Sign out',
  ssoSignIn: "Sign in with the office's identity provider",
  ssoFailed: 'Single sign-on did not succeed. Please sign in again.',
  signedOut: 'Signed out. Nothing of the cases stays on this page.',
  roleName: (role: string): string =>
    (({ volunteer: 'volunteer', caseworker: 'caseworker', station_head: 'station head', admin: 'county administrator' }) as Record<string, string>)[role] ?? role,
  unauthorizedTitle: 'Your session is not valid',
  unauthorized: 'Your session has expired or the credentials are wrong, so no cases are shown. Sign in again and retry.',
  noClient: 'This page has no case service configured.',
  network: 'Cannot reach the server. Check the connection and try again.',
  server: 'Something went wrong on the server. Try again later.',
  notFound: 'This case was not found; it may have been removed.',
  retry: 'Try again',
  listHeading: 'Cases',
  loading: 'Loading…',
  screenFailed: 'This part of the desk could not be loaded; the connection may be down. Check it and try again.',
  back: 'Back to the list',
};

export default en;
