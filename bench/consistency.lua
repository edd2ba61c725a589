-- wrk script: GET consistency proofs from random earlier sizes to MANDATE_TREE_SIZE.
local size = tonumber(os.getenv("MANDATE_TREE_SIZE"))
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/v1/audit/proofs/consistency?from=" .. math.random(1, size) .. "&to=" .. size)
end
