-- wrk script: POST /v1/authorize with the agent's SVID and a payment well within scope.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("MANDATE_SVID")
wrk.body = '{"delegation_id":"' .. os.getenv("MANDATE_DELEGATION") ..
  '","action":"payments.initiate","resource":"account:acc_1","amount":{"amount_minor":1,"currency":"EUR"},' ..
  '"destination":"payee:landlord"}'
