import "server-only";
// The resolvers of the three APIs. Each root field belongs to one API and checks the caller's
// provisioning first (lib/provisioning/indeed-apis.ts); input is checked as Indeed does (validation.ts) before anything
// is stored (store.ts). A job that fails its checks is rejected alone: its result's jobPosting
// is null and the error carries that path, while the other jobs of the request are kept.
import { GraphQLError } from "graphql";
import type { Prisma } from "../../../generated/prisma/client";
import type { Caller } from "./access";
import { badUserInput, forbidden, indeedError } from "./errors";
import { apiAccess, type IndeedApi } from "../../../provisioning/indeed-apis";
import * as store from "./store";
import {
  checkEmployerAttributes,
  checkEmployerName,
  checkJob,
  checkNoDuplicateJobs,
  dispositionProblem,
  InputError,
  LIMITS,
  type DispositionIdentifier,
  type DispositionInput,
  type JobInput,
} from "./validation";

export interface GraphqlContext {
  caller: Caller;
  request: store.RequestRecord;
  now: Date;
  /** The employerIdType of the caller's partner, assigned on first use. */
  employerIdType: () => Promise<string>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function gate(context: GraphqlContext, api: IndeedApi): void {
  if (!apiAccess(api, context.caller.statuses).open) throw forbidden();
}

function inputError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError) throw badUserInput(error.message);
    throw error;
  }
}

function count(list: unknown[], max: number, what: string): void {
  if (list.length === 0) throw badUserInput(`${what} must not be empty`);
  if (list.length > max) throw badUserInput(`A request can contain at most ${max} ${what}`);
}

function jobView(job: store.StoredJob) {
  return {
    sourcedPostingId: job.id,
    jobPostingId: job.jobPostingId,
    sourceName: job.sourceName,
    title: job.title,
    status: job.status,
    expiredAt: job.expiredAt?.toISOString() ?? null,
    updatedAt: job.updatedAt.toISOString(),
  };
}

/** A result whose field fails with `error` (graphql-js puts the error at that field's path). */
function failing(error: GraphQLError) {
  return () => {
    throw error;
  };
}

type JobOutcome = { ok: true; job: JobInput } | { ok: false; error: GraphQLError };

async function createSourcedJobPostings(args: { input?: { jobPostings: JobInput[] } | null }, context: GraphqlContext) {
  const jobs = args.input?.jobPostings;
  if (!jobs) throw badUserInput("input.jobPostings is required");
  count(jobs, LIMITS.jobsPerRequest, "jobPostings");
  inputError(() => checkNoDuplicateJobs(jobs));
  const outcomes: JobOutcome[] = jobs.map((job) => {
    try {
      checkJob(job);
      return { ok: true, job };
    } catch (error) {
      if (error instanceof InputError) return { ok: false, error: badUserInput(error.message) };
      throw error;
    }
  });
  const { caller, now } = context;
  const referenced = outcomes.flatMap((o) => (o.ok ? (o.job.metadata.jobSource.employerIds ?? []) : []));
  const employerIdType = referenced.length > 0 ? await context.employerIdType() : null;

  const known = await store.existingEmployerIds(employerIdType ?? "", referenced.filter((e) => e.type === employerIdType).map((e) => e.id));
  // Each job is checked here, then all that pass are written in one statement.
  const results: (JobInput | GraphQLError)[] = outcomes.map((outcome) => {
    if (!outcome.ok) return outcome.error;
    const missing = (outcome.job.metadata.jobSource.employerIds ?? []).find((e) => e.type !== employerIdType || !known.has(e.id));
    if (!missing) return outcome.job;
    return missing.type !== employerIdType
      ? badUserInput(`employerIds: type must be your employerIdType "${employerIdType}", got "${missing.type.slice(0, 60)}"`)
      : badUserInput(`employerIds: no employer {type: "${missing.type}", id: "${missing.id.slice(0, 60)}"} exists; create it with patchEmployer first`);
  });
  const writes = results.flatMap((r) =>
    r instanceof GraphQLError
      ? []
      : [{ sourceName: r.metadata.jobSource.sourceName, jobPostingId: r.metadata.jobPostingId, title: r.body.title, posting: r }],
  );
  const { stored: written } = await store.writeJobs(caller.clientRowId, context.request, writes, new Date(now.getTime() - LIMITS.reactivationDays * DAY_MS));
  const byKey = new Map(written.map((job) => [JSON.stringify([job.sourceName, job.jobPostingId]), job]));
  const stored = results.map(
    (r) =>
      (r instanceof GraphQLError ? r : byKey.get(JSON.stringify([r.metadata.jobSource.sourceName, r.metadata.jobPostingId]))) ??
      // Not written: the job expired too long ago to be reactivated.
      badUserInput(`The job expired more than ${LIMITS.reactivationDays} days ago and can no longer be reactivated; send it with a new jobPostingId`),
  );
  return {
    results: stored.map((r) => ({ jobPosting: r instanceof GraphQLError ? failing(r) : jobView(r) })),
  };
}

async function expireSourcedJobsBySourcedPostingId(args: { input: { jobs: { sourcedPostingId: string }[] } }, context: GraphqlContext) {
  const { jobs } = args.input;
  count(jobs, LIMITS.expirationsPerRequest, "jobs");
  const { caller, now } = context;
  const keys = await store.expireJobs(
    caller.clientRowId,
    context.request,
    jobs.map((j) => j.sourcedPostingId),
    now,
  );
  const results = jobs.map(({ sourcedPostingId }) => ({
    trackingKey:
      keys.get(sourcedPostingId.toLowerCase()) ??
      failing(indeedError("NOT_FOUND", `No job of this client has the sourcedPostingId "${sourcedPostingId.slice(0, 60)}"`)),
  }));
  return { results };
}

async function sourcedJobPostingsBySourcedPostingId(args: { input: { sourcedPostingIds: string[] } }, context: GraphqlContext) {
  const ids = args.input.sourcedPostingIds;
  count(ids, LIMITS.statusReadsPerRequest, "sourcedPostingIds");
  const found = await store.jobsById(context.caller.clientRowId, ids);
  const byId = new Map(found.map((job) => [job.id, job]));
  return {
    results: ids.map((id) => {
      const job = byId.get(id);
      return { jobPosting: job ? jobView(job) : null };
    }),
  };
}

function identifierView(id: DispositionIdentifier): DispositionIdentifier {
  return {
    indeedApplyID: id.indeedApplyID ?? null,
    ittk: id.ittk ?? null,
    universalApplyId: id.universalApplyId ?? null,
    alternateIdentifier: id.alternateIdentifier ?? null,
  };
}

async function sendDispositions(args: { input: { dispositions: DispositionInput[] } }, context: GraphqlContext) {
  const { dispositions } = args.input;
  count(dispositions, LIMITS.dispositionsPerRequest, "dispositions");
  const checked = dispositions.map((d) => ({ d, verdict: dispositionProblem(d) }));
  const { caller } = context;
  await store.transaction(async (tx) => {
    const requestId = await store.recordRequest(tx, caller.clientRowId, context.request);
    await store.createDispositions(
      tx,
      checked.map(({ d, verdict }) => ({
        clientId: caller.clientRowId,
        identifiedBy: identifierView(d.identifiedBy) as Prisma.InputJsonValue,
        dispositionStatus: d.dispositionStatus,
        rawDispositionStatus: d.rawDispositionStatus.slice(0, LIMITS.shortTextChars),
        atsName: d.atsName.slice(0, LIMITS.shortTextChars),
        statusChangeDateTime: "at" in verdict ? verdict.at : null,
        rationale: "rationale" in verdict ? verdict.rationale : null,
        requestId,
      })),
    );
  });
  await store.noteWritten(caller.clientRowId, { IndeedGraphqlRequest: 1, IndeedDisposition: checked.length });
  return {
    numberGoodDispositions: checked.filter(({ verdict }) => "at" in verdict).length,
    failedDispositions: checked.flatMap(({ d, verdict }) =>
      "rationale" in verdict ? [{ identifiedBy: identifierView(d.identifiedBy), rationale: verdict.rationale }] : [],
    ),
  };
}

interface PatchEmployerArgs {
  input: { id: { type: string; id: string }; employerName?: string | null; employerAttributes?: { key: string; value: string }[] | null };
}

async function patchEmployer(args: PatchEmployerArgs, context: GraphqlContext) {
  const { id, employerName, employerAttributes } = args.input;
  const type = await context.employerIdType();
  if (id.type !== type) throw badUserInput(`id.type must be your employerIdType "${type}", got "${id.type.slice(0, 60)}"`);
  if (id.id.trim() === "" || id.id.length > LIMITS.shortTextChars) {
    throw badUserInput(`id.id must be 1 to ${LIMITS.shortTextChars} characters`);
  }
  if (employerName != null) inputError(() => checkEmployerName(employerName));
  if (employerAttributes != null) inputError(() => checkEmployerAttributes(employerAttributes));
  const { caller } = context;
  const attempt = () =>
    store.transaction(async (tx) => {
      const existing = await store.findEmployer(tx, type, id.id);
      if (existing && existing.clientId !== caller.clientRowId) {
        throw forbidden("Client is not authorized to update this employer: another client created it.");
      }
      if (!existing && employerName == null) throw badUserInput("employerName is required to create an employer");
      const attributes = (employerAttributes ?? (existing?.attributes as { key: string; value: string }[] | undefined) ?? []) as Prisma.InputJsonValue;
      const name = employerName ?? existing!.name;
      if (existing && existing.name === name && JSON.stringify(existing.attributes) === JSON.stringify(attributes)) return { updated: false, created: false };
      const requestId = await store.recordRequest(tx, caller.clientRowId, context.request);
      if (existing) {
        await store.updateEmployer(tx, existing.id, caller.clientRowId, { name, attributes, requestId });
      } else {
        await store.createEmployer(tx, { clientId: caller.clientRowId, type, externalId: id.id, name, attributes, requestId });
      }
      return { updated: true, created: !existing };
    });
  let outcome: { updated: boolean; created: boolean };
  try {
    outcome = await attempt();
  } catch (error) {
    // Two first patches of the same employer at once: the loser sees the winner's row.
    if ((error as { code?: string }).code !== "P2002") throw error;
    outcome = await attempt();
  }
  await store.noteWritten(caller.clientRowId, { IndeedGraphqlRequest: outcome.updated ? 1 : 0, IndeedEmployer: outcome.created ? 1 : 0 });
  return { attributeUpdated: outcome.updated };
}

/** The root value: each root field checks its API's provisioning, then hands out its operations. */
export const rootValue = {
  jobsIngest: (_args: unknown, context: GraphqlContext) => {
    gate(context, "job-sync-api");
    return {
      createSourcedJobPostings,
      expireSourcedJobsBySourcedPostingId,
      sourcedJobPostingsBySourcedPostingId,
    };
  },
  partnerDisposition: (_args: unknown, context: GraphqlContext) => {
    gate(context, "disposition-sync-api");
    return { send: sendDispositions };
  },
  patchEmployer: (args: PatchEmployerArgs, context: GraphqlContext) => {
    gate(context, "employer-data-api");
    return patchEmployer(args, context);
  },
};
