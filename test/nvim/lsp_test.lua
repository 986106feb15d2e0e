-- Headless Neovim (0.7+) as a second LSP client: attaches the bundled server (`node dist/server.js
-- --stdio`) to the sample workspace's plans and checks what a Neovim user would get. Neovim 0.7 has
-- no pull diagnostics, so this also proves the server's push path.
--
-- Run by scripts/editors/test-nvim.mjs, which sets:
--   RPT_NODE       node executable          RPT_SERVER     path of dist/server.js
--   RPT_WORKSPACE  the sample workspace (seeds/, notes/), used as root_dir
-- Prints TAP ("ok 1 - …" / "not ok 2 - …") and exits 0 when every test passed, 1 otherwise.

local WAIT_MS = 20000
local workspace = assert(os.getenv('RPT_WORKSPACE'), 'RPT_WORKSPACE is not set')
local server = assert(os.getenv('RPT_SERVER'), 'RPT_SERVER is not set')
local node = os.getenv('RPT_NODE') or 'node'

-- Keep every opened buffer loaded (and attached) when the next test opens another file.
vim.o.hidden = true

local function out(line)
  io.stdout:write(line .. '\n')
end

-- How many publishDiagnostics notifications each URI received: "the server has answered".
local published = {}
local server_errors = {}

local client_id = vim.lsp.start_client({
  name = 'release-plan',
  cmd = { node, server, '--stdio' },
  root_dir = workspace,
  -- send edits at once, so a request right after an edit sees it
  flags = { debounce_text_changes = 0 },
  workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'workspace' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[result.uri] = (published[result.uri] or 0) + 1
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
    ['window/logMessage'] = function(_, result)
      if result and result.type == 1 then table.insert(server_errors, result.message) end
    end,
  },
  on_exit = function(code, signal)
    if code ~= 0 then table.insert(server_errors, ('server exited with code %d, signal %d'):format(code, signal)) end
  end,
})
assert(client_id, 'vim.lsp.start_client returned nil')

local function check(cond, message)
  if not cond then error(message, 2) end
end

local function client()
  return vim.lsp.get_client_by_id(client_id)
end

--- Opens a workspace file in its own buffer and attaches the client; returns the buffer number.
local function open(relative)
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. relative))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.api.nvim_buf_get_name(bufnr):sub(-#relative) == relative, 'could not open ' .. relative)
  -- (0.7 returns nil, not true, when the buffer is already attached)
  vim.lsp.buf_attach_client(bufnr, client_id)
  check(vim.lsp.buf_is_attached(bufnr, client_id), 'could not attach the client to ' .. relative)
  return bufnr
end

--- Every occurrence of a literal in the buffer: { lnum (0-based), col (0-based byte), end_col (exclusive) }.
local function find_all(bufnr, needle)
  local found = {}
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local from = 1
    while true do
      local s, e = string.find(line, needle, from, true)
      if not s then break end
      table.insert(found, { lnum = i - 1, col = s - 1, end_col = e })
      from = e + 1
    end
  end
  return found
end

local function release_plan_diagnostics(bufnr)
  return vim.tbl_filter(function(d) return d.source == 'release-plan' end, vim.diagnostic.get(bufnr))
end

local function covering(diagnostics, code, m)
  return vim.tbl_filter(function(d)
    return d.code == code and d.lnum == m.lnum and d.col <= m.col and (d.end_lnum > m.lnum or d.end_col >= m.end_col)
  end, diagnostics)
end

local function describe(bufnr)
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(lines, ('%d:%d %s/%s %s'):format(d.lnum + 1, d.col + 1, tostring(d.source), tostring(d.code), d.message))
  end
  return #lines == 0 and 'no diagnostics' or table.concat(lines, '\n#   ')
end

--- Waits (processing events) until done() holds; errors with what the buffer has otherwise.
local function wait_for(bufnr, what, done)
  if not vim.wait(WAIT_MS, done, 20) then
    error(('timed out after %d ms waiting for %s; the buffer has:\n#   %s'):format(WAIT_MS, what, describe(bufnr)), 0)
  end
end

local tests = {}
local function test(name, fn)
  table.insert(tests, { name = name, fn = fn })
end

test('the server initializes and advertises text document sync', function()
  vim.wait(WAIT_MS, function() return client() ~= nil and client().initialized end, 20)
  local c = client()
  check(c and c.initialized, 'client did not initialize: ' .. table.concat(server_errors, '; '))
  check(c.server_capabilities.textDocumentSync ~= nil, 'no textDocumentSync capability')
end)

local MARKERS = { { text = '[FILL_IN]', code = 'placeholder' }, { text = '[PICK_ONE]', code = 'pick-one' } }

for _, seed in ipairs({ '000-dispute-debt-release-plan.md', '003-avs-release-plan.md', '004-cst-document-status-release-plan.md' }) do
  test(seed .. ': one placeholder / pick-one diagnostic on each [FILL_IN] / [PICK_ONE]', function()
    local bufnr = open('seeds/' .. seed)
    local expected = {}
    for _, m in ipairs(MARKERS) do
      for _, at in ipairs(find_all(bufnr, m.text)) do
        table.insert(expected, { at = at, code = m.code, text = m.text })
      end
    end
    check(#expected > 0, seed .. ' has no template markers')
    wait_for(bufnr, #expected .. ' placeholder/pick-one diagnostics', function()
      local ds = release_plan_diagnostics(bufnr)
      for _, e in ipairs(expected) do
        if #covering(ds, e.code, e.at) == 0 then return false end
      end
      return true
    end)
    local ds = release_plan_diagnostics(bufnr)
    for _, e in ipairs(expected) do
      local hits = covering(ds, e.code, e.at)
      check(#hits == 1, ('%d %s diagnostics at %d:%d, expected 1'):format(#hits, e.code, e.at.lnum + 1, e.at.col + 1))
      local d = hits[1]
      check(d.lnum == d.end_lnum, ('%s at %d:%d spans lines'):format(e.code, e.at.lnum + 1, e.at.col + 1))
      -- information; warning once its stage or check-in is past; hint for results not yet due or under
      -- a section marked N/A
      check(d.severity == vim.diagnostic.severity.INFO or d.severity == vim.diagnostic.severity.WARN or d.severity == vim.diagnostic.severity.HINT,
        ('%s at %d:%d has severity %s'):format(e.code, e.at.lnum + 1, e.at.col + 1, tostring(d.severity)))
    end
  end)
end

test('notes/meeting-notes.md (not a plan) gets an empty diagnostics push', function()
  local bufnr = open('notes/meeting-notes.md')
  check(#find_all(bufnr, '[FILL_IN]') > 0, 'the note should contain [FILL_IN] for this test to mean anything')
  local uri = vim.uri_from_bufnr(bufnr)
  wait_for(bufnr, 'a publishDiagnostics for the note', function() return (published[uri] or 0) > 0 end)
  local ds = release_plan_diagnostics(bufnr)
  check(#ds == 0, ('expected no diagnostics, got:\n#   %s'):format(describe(bufnr)))
end)

--- One request to our client, synchronously; errors on timeout or an error response.
local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, WAIT_MS)
  if not responses then error(method .. ': ' .. tostring(err), 0) end
  local response = responses[client_id]
  check(response ~= nil, method .. ': no response from the release-plan server')
  check(response.err == nil, method .. ': ' .. vim.inspect(response.err))
  return response.result
end

--- The text of a hover result, whatever shape its contents take.
local function hover_text(result)
  if result == nil or result == vim.NIL then return '' end
  local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
  return table.concat(lines, '\n')
end

test('hover on a toggle shows its registry description (config/features.yml) and Flipper page', function()
  local bufnr = open('seeds/003-avs-release-plan.md')
  local at = find_all(bufnr, '[avs_enabled]')[1]
  check(at ~= nil, 'the seed names avs_enabled')
  check(client().server_capabilities.hoverProvider, 'the server advertises hover')
  -- the registry is read asynchronously: wait until the hover carries its description
  local text = ''
  wait_for(bufnr, 'the toggle hover with the registry description', function()
    text = hover_text(request(bufnr, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = at.lnum, character = at.col + 3 },
    }))
    return text:find('Enables the After Visit Summary API.', 1, true) ~= nil
  end)
  check(text:find('https://api.va.gov/flipper/features/avs_enabled', 1, true), 'hover links the Flipper page:\n' .. text)
end)

test("hover on a stage's date range spells out the weekdays and the length", function()
  local bufnr = open('seeds/000-dispute-debt-release-plan.md')
  local at = find_all(bufnr, '7/16/25 - 7/21/25')[1]
  check(at ~= nil, 'the seed has the Stage A range')
  local text = hover_text(request(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = at.lnum, character = at.col + 1 },
  }))
  check(text:find('Wed, Jul 16, 2025', 1, true) and text:find('Mon, Jul 21, 2025', 1, true), 'weekdays missing:\n' .. text)
  check(text:find('6 days', 1, true), 'length missing:\n' .. text)
end)

test('completion in a new toggle-table row offers toggle names from the plan and the registry', function()
  local bufnr = open('seeds/003-avs-release-plan.md')
  local row = find_all(bufnr, '| [va_online_scheduling')[1]
  check(row ~= nil, 'the seed has the va_online toggle row')
  vim.api.nvim_buf_set_lines(bufnr, row.lnum + 1, row.lnum + 1, false, { '| avs' })
  local result = request(bufnr, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = row.lnum + 1, character = 5 },
  })
  local items = (result and result.items) or result or {}
  local by_label = {}
  for _, item in ipairs(items) do by_label[item.label] = item end
  local avs = by_label['avs_enabled']
  check(avs ~= nil, ('avs_enabled not among %d items'):format(#items))
  check(tostring(avs.detail):find('After Visit Summary', 1, true), 'avs_enabled detail: ' .. tostring(avs.detail))
  check(by_label['va_online_scheduling_after_visit_summary'] ~= nil, "the plan's other toggle is offered")
  check(by_label['ask_va_canary_release'] ~= nil, 'a registry-only toggle matching what is typed is offered')
  -- the edit replaces what was typed
  local edit = avs.textEdit
  check(edit and edit.range.start.character == 2 and edit.range['end'].character == 5, 'textEdit replaces "avs": ' .. vim.inspect(edit))
  vim.api.nvim_buf_set_lines(bufnr, row.lnum + 1, row.lnum + 2, false, {})
end)

-- Run them all, TAP style.
out('1..' .. #tests)
local failed = 0
for i, t in ipairs(tests) do
  local ok, err = pcall(t.fn)
  if ok then
    out(('ok %d - %s'):format(i, t.name))
  else
    failed = failed + 1
    out(('not ok %d - %s'):format(i, t.name))
    out('#   ' .. tostring(err))
  end
end
for _, e in ipairs(server_errors) do out('# server error: ' .. e) end

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return client() == nil end, 20)
if failed > 0 then vim.cmd('cq') else vim.cmd('qa!') end
