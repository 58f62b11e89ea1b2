/**
 * How a case ended (issue #19): what the office records when it resolves or closes a case, and what the
 * half-year report (工作总结) counts — mediation agreements and the sums they recovered, judgments heard
 * with a federation cadre as special juror (特邀陪审员), the women and children helped.
 *
 * Sums are integers in fen (分, 1/100 yuan): money never goes through binary fractions, and an amount
 * with jiao and fen (a wage of ¥2,345.50) is exact. ¥18,000 is `1_800_000`.
 */
import * as z from 'zod/mini';

export const OUTCOME_KINDS = [
  'mediation_agreement',
  'judgment',
  'referral_completed',
  'relief_granted',
  'advice_given',
  'withdrawn',
  'rejected',
] as const;
export const OutcomeKind = z.enum(OUTCOME_KINDS);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

/** ¥100 million in fen: far above any sum an office records, far below Number.MAX_SAFE_INTEGER. */
export const MAX_FEN = 10_000_000_000;
/** People helped by one case: a family, not a crowd. */
export const MAX_HELPED = 1000;

const fen = z.number().check(z.int(), z.gte(0), z.lte(MAX_FEN));
const people = z.number().check(z.int(), z.gte(0), z.lte(MAX_HELPED));

const custom = (path: string, code: string, input: unknown) => ({ code: 'custom' as const, path: [path], message: code, input, params: { code } });

/**
 * The outcome of a case. `federationJuror` belongs to a judgment and is required with it;
 * `agreementSigned` belongs to a mediation agreement and is required with it — elsewhere they are
 * refused (`not_allowed`), so a report never counts a juror on a withdrawn case.
 */
export const CaseOutcome = z
  .strictObject({
    kind: OutcomeKind,
    /** A judgment heard with a cadre of the federation as special juror (特邀陪审员). */
    federationJuror: z.optional(z.boolean()),
    /** Whether the parties signed the mediation agreement (调解协议), or agreed orally. */
    agreementSigned: z.optional(z.boolean()),
    /** A sum recovered or ordered once (compensation, back wages), in fen. */
    oneOffFen: z.optional(fen),
    /** A sum recovered or ordered every month (child support, maintenance), in fen. */
    monthlyFen: z.optional(fen),
    /** Who was helped: how many women and how many children. */
    helped: z.optional(z.strictObject({ women: people, children: people })),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (o.kind === 'judgment' && o.federationJuror === undefined) ctx.issues.push(custom('federationJuror', 'required', o.federationJuror));
      if (o.kind !== 'judgment' && o.federationJuror !== undefined) ctx.issues.push(custom('federationJuror', 'not_allowed', o.federationJuror));
      if (o.kind === 'mediation_agreement' && o.agreementSigned === undefined) ctx.issues.push(custom('agreementSigned', 'required', o.agreementSigned));
      if (o.kind !== 'mediation_agreement' && o.agreementSigned !== undefined) ctx.issues.push(custom('agreementSigned', 'not_allowed', o.agreementSigned));
    }),
  );
export type CaseOutcome = z.infer<typeof CaseOutcome>;

/** What the citizen sees of the outcome: its kind only — no sums, no counts, nothing about the other party. */
export const CaseOutcomeView = z.object({ kind: OutcomeKind });
export type CaseOutcomeView = z.infer<typeof CaseOutcomeView>;

/** The statuses an outcome may be recorded with: a case is resolved, or closed. */
export const OUTCOME_STATUSES = ['resolved', 'closed'] as const;
