// The document pipeline in process: one model per open document version, re-parsed after an edit
// into exactly what a cold parse gives; findings and diagnostics from one run; closed files leave
// nothing behind. (The protocol tests cover the same path over JSON-RPC.)
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanDocuments } from '../../server/src/lsp/documents';
import { NO_FILE_SYSTEM } from '../../server/src/lsp/fileSystem';
import { PlanConfigResolver } from '../../server/src/lsp/planConfig';
import { SettingsCache } from '../../server/src/lsp/settings';
import { fixedClock } from '../../server/src/service/clock';
import { createReleasePlanService } from '../../server/src/service/index';
import { clearParseCaches, parsePlan } from '../../server/src/service/parse/index';
import { read, SEED_DISPUTE_DEBT } from '../helpers/fixtures';

const URI = 'file:///repo/dispute-debt-release-plan.md';

function setup() {
  const open = new Map<string, TextDocument>();
  // the settings cache asks the client only once told it may (settings.supported); this one never does
  const stream = new PassThrough();
  const settings = new SettingsCache(createConnection(new StreamMessageReader(stream), new StreamMessageWriter(stream)));
  const errors: string[] = [];
  const plans = new PlanDocuments({
    documents: open,
    service: createReleasePlanService({ clock: fixedClock({ year: 2025, month: 7, day: 1 }) }),
    settings,
    config: new PlanConfigResolver(NO_FILE_SYSTEM, settings, () => {}, () => undefined),
    registry: () => undefined,
    relativePath: (uri) => uri.slice('file://'.length),
    logError: (m) => errors.push(m),
  });
  const edit = (at: string, replacement: string) => {
    const doc = open.get(URI)!;
    const offset = doc.getText().indexOf(at);
    assert.ok(offset >= 0, `fixture contains ${at}`);
    open.set(URI, TextDocument.update(doc, [{ range: { start: doc.positionAt(offset), end: doc.positionAt(offset + at.length) }, text: replacement }], doc.version + 1));
  };
  return { open, plans, edit, errors };
}

describe('lsp/documents: the per-document pipeline', () => {
  it('keeps one model per version, and an edited version parses to what a cold parse gives', async () => {
    const { open, plans, edit } = setup();
    open.set(URI, TextDocument.create(URI, 'markdown', 1, read(SEED_DISPUTE_DEBT)));
    const first = await plans.planFor(URI);
    assert.ok(first);
    assert.equal(await plans.planFor(URI), first, 'the same version is not parsed twice');

    // edits inside one stage, across a heading, and in a list (item ids shift): the unchanged heading
    // chunks come from the parser's cache, and the result must not tell
    for (const [at, replacement] of [
      ['Number of unique users:', 'Number of unique users: 1234'],
      ['### Stage B', '### Stage B (optional)'],
      ['### Phase II', 'Some new paragraph.\n\n- Owner: someone\n\n### Phase II'],
    ]) {
      edit(at, replacement);
      const warm = await plans.planFor(URI);
      assert.ok(warm);
      assert.notEqual(warm, first);
      clearParseCaches();
      assert.deepEqual(warm, parsePlan(open.get(URI)!.getText()), `after editing ${at}`);
    }
  });

  it('answers findings and diagnostics from one run of the checks until something invalidates it', async () => {
    const { open, plans } = setup();
    open.set(URI, TextDocument.create(URI, 'markdown', 1, read(SEED_DISPUTE_DEBT)));
    const findings = await plans.findingsFor(URI);
    assert.ok(findings.length > 0, 'the seed has findings');
    const diagnostics = await plans.diagnosticsFor(URI);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      findings.map((f) => [f.checkId, f.range, f.message]),
    );
    assert.equal(await plans.findingsFor(URI), findings, 'cached');
    assert.equal(await plans.diagnosticsFor(URI), diagnostics, 'mapped once');
    plans.invalidate();
    const again = await plans.findingsFor(URI);
    assert.notEqual(again, findings, 're-run after invalidate');
    assert.deepEqual(again, findings);
  });

  it('diagnoses a closed file without keeping it, and says when it is not a plan', async () => {
    const { plans } = setup();
    const closed = await plans.diagnoseClosed(URI, read(SEED_DISPUTE_DEBT));
    assert.ok(closed && closed.length > 0);
    assert.equal(await plans.planFor(URI), undefined, 'a closed file has no model');
    assert.equal(await plans.diagnoseClosed('file:///repo/notes.md', '# Shopping\n\n- milk\n'), undefined);
  });

  it('drops a closed document and reads a reopened one afresh', async () => {
    const { open, plans } = setup();
    // not a plan by its name: only its content makes it one, so detection has to run again
    const uri = 'file:///repo/dispute-debt.md';
    open.set(uri, TextDocument.create(uri, 'markdown', 1, read(SEED_DISPUTE_DEBT)));
    assert.equal(await plans.planReasonFor(uri), 'content');
    assert.ok(await plans.planFor(uri));
    open.delete(uri);
    plans.forget(uri);
    assert.equal(await plans.planFor(uri), undefined);
    assert.deepEqual(await plans.diagnosticsFor(uri), []);
    open.set(uri, TextDocument.create(uri, 'markdown', 1, '# Notes\n\nNothing to release.\n'));
    assert.equal(await plans.planReasonFor(uri), undefined, 'same version number, new text: detected again');
    assert.equal(await plans.planFor(uri), undefined);
  });
});
