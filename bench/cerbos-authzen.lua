-- wrk script: Cerbos's AuthZEN access evaluation of the payment bench/authorize.lua asks for.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"subject":{"type":"agent","id":"bill-payer","properties":{"roles":["agent"]}},' ..
  '"action":{"name":"payments.initiate"},' ..
  '"resource":{"type":"payment","id":"acc_1","properties":{"amount_minor":1,"destination":"payee:landlord"}}}'
