-- wrk script of the benchmark harness (benchmarks/wrk.py passes the arguments):
--   <expected status> <request cap per thread, 0 = none> <host[,host...]> ["Name: value" ...]
-- Takes the Host headers in turn, counts responses with another status, stops a thread at the
-- cap, and ends with one line "BENCH-JSON {...}" that the harness reads.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  expected = tonumber(args[1])
  cap = tonumber(args[2])
  local headers = {}
  for i = 4, #args do
    local name, value = string.match(args[i], "^([^:]+):%s*(.*)$")
    headers[name] = value
  end
  prepared = {}
  for host in string.gmatch(args[3], "[^,]+") do
    headers["Host"] = host
    table.insert(prepared, wrk.format("GET", wrk.path, headers))
  end
  turn = 0
  answered = 0
  unexpected = 0
  capped = 0
end

function request()
  turn = turn % #prepared + 1
  return prepared[turn]
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= expected then
    unexpected = unexpected + 1
  end
  if cap > 0 and answered >= cap then
    capped = 1
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local unexpected_total, capped_any = 0, 0
  for _, thread in ipairs(threads) do
    unexpected_total = unexpected_total + thread:get("unexpected")
    capped_any = math.max(capped_any, thread:get("capped"))
  end
  local e = summary.errors
  io.write(string.format(
    '\nBENCH-JSON {"requests": %d, "duration_us": %d, "socket_errors": %d, "timeouts": %d, ' ..
    '"unexpected": %d, "capped": %d, "p50_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write, e.timeout,
    unexpected_total, capped_any, latency:percentile(50), latency:percentile(99), latency.max))
end
