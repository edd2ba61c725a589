-- wrk script: GET inclusion proofs of random events of a log of MANDATE_TREE_SIZE events.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("MANDATE_TOKEN")
local size = tonumber(os.getenv("MANDATE_TREE_SIZE"))
math.randomseed(os.time())
request = function()
  local seq = math.random(1, size)
  return wrk.format("GET", "/v1/audit/proofs/inclusion?seq=" .. seq .. "&tree_size=" .. size)
end
