-- wrk: durable ballot casts. Each request is one partner's approval ballot in the voting cycle,
-- rotating over the partners' representative tokens (TOKENS: "partner:secret,partner:secret,...").
local tokens = {}
local counter = 0

function init(args)
  for partner, secret in string.gmatch(os.getenv("TOKENS"), "(%d+):(cvt_%x+)") do
    table.insert(tokens, {partner = partner, secret = secret})
  end
end

function request()
  counter = counter + 1
  local t = tokens[(counter % #tokens) + 1]
  local approve = os.getenv("INITIATIVE")
  local body = '{"format":"approvals","entries":[{"initiative":' .. approve .. '}],"objections":[]}'
  return wrk.format("PUT", "/api/cycles/" .. os.getenv("CYCLE") .. "/ballots/" .. t.partner,
    {["Authorization"] = "Bearer " .. t.secret, ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status ~= 204 and status ~= 200 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
