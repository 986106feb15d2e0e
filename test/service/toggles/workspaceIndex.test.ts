import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/service/parse/index';
import type { ReleasePlan } from '../../../server/src/service/parse/model';
import { WorkspaceToggleIndex } from '../../../server/src/service/toggles/workspaceIndex';
import { corpusFiles, seedText } from '../../helpers/toggles';

describe('workspace plan index', () => {
  it('indexes the 116-plan corpus folder', () => {
    const files = corpusFiles();
    assert.equal(files.length, 116);
    let parsed = 0;
    const index = new WorkspaceToggleIndex({
      parsePlan: (t) => {
        parsed++;
        return parsePlan(t);
      },
    });
    for (const f of files) assert.equal(index.update(f.uri, f.text), true);
    assert.equal(index.size, 116);
    const names = new Set(index.entries().map((e) => e.name));
    // Spot checks across plan shapes: linked, backticked, camelCase.
    for (const n of ['avs_enabled', 'cst_show_document_upload_status', 'showOneVADebtLetter', 'hcaHouseholdV2Enabled']) assert.ok(names.has(n), n);
    assert.ok(names.size > 60, `${names.size} distinct names`);
    // The pre-filter skips plans that never mention a toggle, flag or Flipper.
    assert.ok(parsed < files.length, `${parsed} parsed`);
    const avs = index.entries().find((e) => e.name === 'avs_enabled');
    assert.equal(avs?.origin, 'workspace');
    assert.match(avs?.uri ?? '', /^file:\/\/\/ws\/plans\/.+\.md$/);
  });

  it('updates and removes per file, bumping its version only when toggles change', () => {
    const index = new WorkspaceToggleIndex({ parsePlan });
    index.update('file:///a.md', seedText('avs'));
    const v = index.version;
    assert.deepEqual(index.entries().map((e) => e.name), ['avs_enabled', 'va_online_scheduling_after_visit_summary']);
    assert.equal(index.entries()[0].sourceLabel, 'a.md');
    // An edit that does not touch the toggles (typing in the rollback section).
    index.update('file:///a.md', seedText('avs').replace('The AVS team will monitor', 'The AVS team monitors'));
    assert.equal(index.version, v);
    index.update('file:///a.md', seedText('avs').replace('| [avs_enabled]', '| [avs_enabled_v2]'));
    assert.equal(index.version, v + 1);
    assert.equal(index.entries()[0].name, 'avs_enabled_v2');
    index.remove('file:///a.md');
    assert.equal(index.size, 0);
    assert.deepEqual(index.entries(), []);
  });

  it('keeps its work bounded: too many files or too large a file are skipped, not parsed', () => {
    let parsed = 0;
    const parse = (t: string): ReleasePlan => {
      parsed++;
      return parsePlan(t);
    };
    const index = new WorkspaceToggleIndex({ parsePlan: parse, maxFiles: 2, maxFileChars: 20_000 });
    assert.equal(index.update('file:///1.md', seedText('avs')), true);
    assert.equal(index.update('file:///2.md', seedText('cst')), true);
    assert.equal(index.update('file:///3.md', seedText('dispute-debt')), false);
    assert.equal(index.update('file:///big.md', seedText('avs') + 'x'.repeat(20_000)), false);
    assert.equal(parsed, 2);
    assert.equal(index.skipped, 2);
    // An indexed file that grows past the limit leaves the index.
    assert.equal(index.update('file:///1.md', seedText('avs') + 'x'.repeat(20_000)), false);
    assert.equal(index.has('file:///1.md'), false);
    // Room again: a skipped file can come in on its next event.
    assert.equal(index.update('file:///3.md', seedText('dispute-debt')), true);
    assert.deepEqual(index.entries().map((e) => e.name).sort(), ['cst_show_document_upload_status', 'cst_update_evidence_submission_on_show', 'dispute_debt']);
  });

  it('a file the parser breaks on is skipped and the next file is still indexed', () => {
    const broken = 'toggle: this text breaks the parser';
    const index = new WorkspaceToggleIndex({
      parsePlan: (t) => {
        if (t === broken) throw new URIError('URI malformed');
        return parsePlan(t);
      },
    });
    assert.equal(index.update('file:///bad.md', broken), false);
    assert.equal(index.update('file:///avs.md', seedText('avs')), true);
    assert.equal(index.skipped, 1);
    assert.ok(index.entries().some((e) => e.name === 'avs_enabled'));
  });
});
