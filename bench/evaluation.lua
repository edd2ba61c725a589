-- wrk script: POST /access/v1/evaluation as an enforcement point (MANDATE_EP_TOKEN), asking the same
-- payment bench/authorize.lua asks, about the agent MANDATE_SPIFFE_ID.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("MANDATE_EP_TOKEN")
wrk.body = '{"subject":{"type":"agent","id":"' .. os.getenv("MANDATE_SPIFFE_ID") .. '"},' ..
  '"action":{"name":"payments.initiate"},"resource":{"type":"account","id":"acc_1"},' ..
  '"context":{"delegation_id":"' .. os.getenv("MANDATE_DELEGATION") ..
  '","amount":{"amount_minor":1,"currency":"EUR"},"destination":"payee:landlord"}}'
