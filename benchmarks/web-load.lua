-- wrk script for benchmarks/web-benchmark.sh: signed-in users alternating between the dashboard and commitment pages.
-- SCRUTINEER_COOKIE holds the session cookies; SCRUTINEER_COMMITMENTS the commitment ids to visit (space separated);
-- SCRUTINEER_THINK_MS, when above 0, is each user's mean think time between pages (uniform from half to one and a half
-- times it; wrk does not count it in the latency). 0 sends each connection's next request as soon as the last answers.
local think = tonumber(os.getenv("SCRUTINEER_THINK_MS") or "0")
local cookie = os.getenv("SCRUTINEER_COOKIE") or error("SCRUTINEER_COOKIE is not set")
local ids = {}
for id in string.gmatch(os.getenv("SCRUTINEER_COMMITMENTS") or "", "%d+") do ids[#ids + 1] = id end
if #ids == 0 then error("SCRUTINEER_COMMITMENTS is empty") end

local threads = {}
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  served, failed5xx, other = 0, 0, 0
  n = offset * 7
end

if think > 0 then
  function delay()
    return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
  end
end

function request()
  n = n + 1
  local path = "/"
  if n % 2 == 1 then path = "/priorities/commitments/" .. ids[math.floor(n / 2) % #ids + 1] end
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status == 200 then served = served + 1
  elseif status >= 500 then failed5xx = failed5xx + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local ok, e5, eo = 0, 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("served"); e5 = e5 + t:get("failed5xx"); eo = eo + t:get("other")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests      %d in %.1f s = %.1f requests/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency (ms)  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("responses     200: %d  5xx: %d  other: %d  socket errors: %d\n", ok, e5, eo,
    e.connect + e.read + e.write + e.timeout))
end
