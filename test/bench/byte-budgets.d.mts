/** Types for byte-budgets.mjs (the byte budgets the system test holds and `npm run bench` prints). */
export interface ByteBudget {
  name: string;
  /** An ES module's source; `@rights-kit/*` resolves to the built dist. */
  entry: string;
  /** Eager brotli bytes allowed. */
  budget: number;
  /** The issue's goal in bytes, reported beside the budget. */
  goal?: number;
}
export declare const BUDGETS: ByteBudget[];
export declare function brotli(bytes: Uint8Array): number;
export declare function measure(entry: string): Promise<{ eager: number; lazy: number; groups: Record<string, number>; inputs: string[]; imports: string[] }>;
export declare function kb(bytes: number): string;
