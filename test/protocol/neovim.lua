-- Drives Neovim's built-in LSP client against the form345 server (used by neovim.test.ts).
-- Inputs come from the environment; results go to $FORM345_OUT as JSON. Works on Neovim 0.7+.
local env = vim.env
local result = { diagnostics = {}, hover = vim.NIL, error = vim.NIL }

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.FORM345_SEED))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'form345',
    cmd = { env.FORM345_NODE, env.FORM345_SERVER, '--stdio' },
    root_dir = vim.fn.fnamemodify(env.FORM345_SEED, ':h'),
    init_options = { diagnosticsDelay = 20 },
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local want = env.FORM345_WANT_CODE
  local function has_wanted()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == want then return true end
    end
    return false
  end
  vim.wait(20000, has_wanted, 20)

  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(result.diagnostics, { code = code, lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source })
  end

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = tonumber(env.FORM345_LINE), character = tonumber(env.FORM345_CHAR) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
  for _, r in pairs(responses or {}) do
    if r.result and r.result.contents then
      local c = r.result.contents
      result.hover = type(c) == 'string' and c or c.value
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
local f = assert(io.open(env.FORM345_OUT, 'w'))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qa!')
