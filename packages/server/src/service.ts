/** The service layer lives in service/; this path stays for the modules and tests that import it. */
export * from './service/index.js';
