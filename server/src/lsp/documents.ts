// The document pipeline: text → "is it a plan?" → model → findings → diagnostics. Each step keeps one
// cache, so a pull, a code-action request, a hover and "check all" share one detection, one parse and
// one run of the checks per document version.
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CheckContext, type FindingWithSeverity, isReleasePlan, planReason, type PlanReason, type RegistryView, type ReleasePlan, type ReleasePlanService, analyzeChunksStepwise, maxFileSize } from '../service/index';
import { configProblemDiagnostic, toDiagnostic } from './diagnostics';
import { errorText } from './guard';
import { nextTurn, runStepwise, sizeGuardDiagnostic, STEPWISE_FROM } from './longWork';
import { parseFailureDiagnostic } from './parseFailure';
import { isConfigFileUri, type PlanConfigResolver } from './planConfig';
import type { SettingsCache } from './settings';

export interface PlanDocumentsOptions {
  /** The open documents (the server's TextDocuments). */
  documents: { get(uri: string): TextDocument | undefined };
  service: ReleasePlanService;
  settings: SettingsCache;
  config: PlanConfigResolver;
  /** The toggle registry of the moment (`unknown-toggle` runs only with one). */
  registry: () => RegistryView | undefined;
  /** Turns a check's docs anchor into a link that opens where the server runs (none: no link). */
  docsLink?: (anchor: string) => string | undefined;
  /** Live toggle states for `rollout-drift` (undefined: no environment configured). */
  live?: () => CheckContext['live'];
  /** The path `releasePlan.files` globs are matched against (see WorkspaceFolders.relativePath). */
  relativePath: (uri: string) => string | undefined;
  /** Errors for the server log: a check that threw, or the checks as a whole. */
  logError: (message: string) => void;
}

interface FindingsEntry {
  key: string;
  findings: FindingWithSeverity[];
  diagnostics?: Diagnostic[];
}


export class PlanDocuments {
  // Whether an open document is a plan, decided once per version and settings (every request asks).
  private readonly detections = new Map<string, { version: number; files: string[]; reason: PlanReason | undefined }>();
  // The model of each open document's current version, shared by every feature, and its findings once
  // asked for. A new version is parsed from the model of the one before, which hands over every chunk
  // the edit left alone (service parse/reuse.ts), so a keystroke re-reads one section. Anything that can
  // change a finding without changing the text (settings, config files, the registry) bumps the
  // generation; the day is in the findings' key for the date checks.
  private readonly plans = new Map<string, { version: number; text: string; plan: ReleasePlan; findings?: FindingsEntry }>();
  private generation = 0;
  // A document the parser breaks on (a bug) is answered like a non-plan by every feature; its
  // diagnostics say so, and the log gets one line per version, not one per request.
  private readonly parseFailures = new Map<string, { version: number; message: string }>();

  constructor(private readonly options: PlanDocumentsOptions) {}

  /** Why an open document is a release plan (its path or its content), or undefined when it is not one. */
  async planReasonFor(uri: string): Promise<PlanReason | undefined> {
    const doc = this.options.documents.get(uri);
    if (!doc) return undefined;
    const { files } = await this.options.settings.get(uri);
    const hit = this.detections.get(uri);
    if (hit && hit.version === doc.version && hit.files === files) return hit.reason;
    const reason = planReason(this.options.relativePath(uri), doc.getText(), files);
    this.detections.set(uri, { version: doc.version, files, reason });
    return reason;
  }

  /**
   * The model of an open document, or undefined when it is not a release plan, is over the size guard,
   * broke the parser, or `token` was cancelled while a large document was parsed in steps.
   */
  async planFor(uri: string, token?: CancellationToken): Promise<ReleasePlan | undefined> {
    if (!(await this.planReasonFor(uri))) return undefined;
    const doc = this.options.documents.get(uri);
    if (!doc) return undefined;
    const hit = this.plans.get(uri);
    if (hit && hit.version === doc.version && hit.text === doc.getText()) return hit.plan;
    if (await this.sizeGuard(uri, doc.getText())) return undefined;
    // a large document is parsed chunk by chunk, yielding between chunks (see longWork.ts)
    // the model of the version before is passed on: the parse takes over the chunks an edit left alone
    const previous = hit?.plan;
    if (doc.getText().length >= STEPWISE_FROM && !(await runStepwise(analyzeChunksStepwise(doc.getText(), previous), token))) return undefined;
    const now = this.options.documents.get(uri);
    if (!now) return undefined;
    const text = now.getText();
    const plan = this.parse(uri, now.version, text, previous);
    if (plan) this.plans.set(uri, { version: now.version, text, plan });
    return plan;
  }

  /** Every finding on an open plan, with its final severity (none when it is not a plan). */
  async findingsFor(uri: string): Promise<FindingWithSeverity[]> {
    const plan = await this.planFor(uri);
    return plan ? (await this.entryFor(uri, plan)).findings : [];
  }

  /** What the editor shows for an open document: its plan's findings, or a config file's problems. */
  async diagnosticsFor(uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
    if (isConfigFileUri(uri)) {
      const doc = this.options.documents.get(uri);
      return doc ? this.options.config.problemsIn(doc.getText()).map(configProblemDiagnostic) : [];
    }
    const plan = await this.planFor(uri, token);
    if (!plan) {
      const doc = this.options.documents.get(uri);
      const guard = doc && (await this.planReasonFor(uri)) ? await this.sizeGuard(uri, doc.getText()) : undefined;
      if (guard) return [guard];
      const failure = this.parseFailures.get(uri);
      return failure && failure.version === this.options.documents.get(uri)?.version ? [parseFailureDiagnostic(failure.message)] : [];
    }
    // the checks run in one go: give a cancellation its chance first
    if (plan.text.length >= STEPWISE_FROM) await nextTurn();
    if (token?.isCancellationRequested) return [];
    const entry = await this.entryFor(uri, plan);
    entry.diagnostics ??= entry.findings.map((f) => toDiagnostic(f, uri, this.options.docsLink));
    return entry.diagnostics;
  }

  /**
   * The text of a file that is not open, checked (nothing is kept): undefined when it is not a plan. When
   * the size guard or a parser failure stands in for the model, `plan` is missing and `diagnostics`
   * holds that one notice.
   */
  async checkClosed(uri: string, text: string): Promise<{ plan?: ReleasePlan; findings: FindingWithSeverity[]; diagnostics: Diagnostic[] } | undefined> {
    const { files } = await this.options.settings.get(uri);
    if (!isReleasePlan(this.options.relativePath(uri), text, files)) return undefined;
    const guard = await this.sizeGuard(uri, text);
    if (guard) return { findings: [], diagnostics: [guard] };
    let plan: ReleasePlan;
    try {
      plan = this.options.service.parsePlan(text);
    } catch (err) {
      return { findings: [], diagnostics: [parseFailureDiagnostic(errorText(err))] };
    }
    const findings = await this.computeFindings(uri, plan);
    return { plan, findings, diagnostics: findings.map((f) => toDiagnostic(f, uri, this.options.docsLink)) };
  }

  /** Diagnostics for the text of a file that is not open (nothing is kept): undefined when it is not a plan. */
  async diagnoseClosed(uri: string, text: string): Promise<Diagnostic[] | undefined> {
    return (await this.checkClosed(uri, text))?.diagnostics;
  }

  /** Something besides the text changed what a check may find: every cached finding is stale. */
  invalidate(): void {
    this.generation++;
  }

  /** The document was closed: drop what was kept for it. */
  forget(uri: string): void {
    this.plans.delete(uri);
    this.detections.delete(uri);
    this.parseFailures.delete(uri);
  }

  private parse(uri: string, version: number, text: string, previous?: ReleasePlan): ReleasePlan | undefined {
    try {
      return this.options.service.parsePlan(text, previous);
    } catch (err) {
      const message = errorText(err);
      if (this.parseFailures.get(uri)?.version !== version) this.options.logError(`release-plan: could not parse ${uri}: ${message}`);
      this.parseFailures.set(uri, { version, message });
      return undefined;
    }
  }

  /** The size guard's diagnostic when `text` is over `releasePlan.maxFileSize`, else undefined. */
  private async sizeGuard(uri: string, text: string): Promise<Diagnostic | undefined> {
    return sizeGuardDiagnostic(text, maxFileSize((await this.options.settings.get(uri)).maxFileSize));
  }

  private async entryFor(uri: string, plan: ReleasePlan): Promise<FindingsEntry> {
    const today = this.options.service.clock();
    const key = `${this.generation}:${today.year}-${today.month}-${today.day}:${uri}`;
    const kept = this.plans.get(uri);
    if (kept?.plan === plan && kept.findings?.key === key) return kept.findings;
    const entry: FindingsEntry = { key, findings: await this.computeFindings(uri, plan) };
    // kept with the model it is for (a newer model may have arrived while the checks ran)
    const now = this.plans.get(uri);
    if (now?.plan === plan) now.findings = entry;
    return entry;
  }

  private async computeFindings(uri: string, plan: ReleasePlan): Promise<FindingWithSeverity[]> {
    const { service, config, registry, live, logError } = this.options;
    try {
      const resolved = await config.resolve(uri);
      const onCheckError = (id: string, err: unknown) => logError(`release-plan: check ${id} failed on ${uri}: ${(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
      return service.findings(plan, { config: resolved, registry: registry(), live: live?.(), onCheckError });
    } catch (err) {
      // A bug in one check must not take the document's other diagnostics (or the server) down.
      logError(`release-plan: checks failed for ${uri}: ${errorText(err)}`);
      return [];
    }
  }
}
