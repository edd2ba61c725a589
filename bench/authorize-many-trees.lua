-- wrk script: POST /v1/authorize like authorize.lua, each request on the next of the delegations
-- in MANDATE_DELEGATIONS (comma-separated; independent trees), so writers meet on no row.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("MANDATE_SVID")

local bodies = {}
for id in string.gmatch(os.getenv("MANDATE_DELEGATIONS"), "[^,]+") do
  bodies[#bodies + 1] = '{"delegation_id":"' .. id ..
    '","action":"payments.initiate","resource":"account:acc_1","amount":{"amount_minor":1,"currency":"EUR"},' ..
    '"destination":"payee:landlord"}'
end
local next = 0

request = function()
  next = next % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[next])
end
