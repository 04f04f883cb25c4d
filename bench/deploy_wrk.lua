-- wrk script for bench/deploy_throughput.py.
-- BENCH_MODE=put: PUT /api/v1/runs/<fresh UUID v4> with one run's JSON; BENCH_MODE=get: GET BENCH_PATH.
-- Every answer other than BENCH_EXPECT (201 for put, 200 for get) is counted as bad. At the end one JSON
-- line: requests, seconds, socket errors, bad answers, latency percentiles in ms.
local mode = os.getenv("BENCH_MODE") or "put"
local token = os.getenv("BENCH_TOKEN") or ""
local path = os.getenv("BENCH_PATH") or "/api/v1/today"
local expect = tonumber(os.getenv("BENCH_EXPECT") or (mode == "put" and "201" or "200"))
local day = os.getenv("BENCH_DATE") or "2026-11-21"
local body = '{"date":"' .. day .. '","kind":"easy","distance_m":8000,"duration_s":2880,"rpe":3,'
  .. '"terrain":"flat","notes":"steady along the river"}'
local tokens_file = os.getenv("BENCH_TOKENS_FILE")
-- BENCH_TOKENS_FILE: one bearer token a line; each request picks one at random (load spread over runners).
local tokens = {}
if tokens_file then
  for line in io.lines(tokens_file) do
    if #line > 0 then table.insert(tokens, line) end
  end
end
if #tokens == 0 then tokens = { token } end

local function headers()
  return { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_no", #threads) -- a global in the thread's own Lua state, read by init()
end

function init(args)
  -- Distinct seeds per thread and per run: two threads must never make the same "fresh" UUID.
  math.randomseed(os.time() * 7919 + thread_no * 104729 + math.floor(os.clock() * 1e6))
  bad = 0
  first_bad = 0
end

local function uuid4()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function request()
  if mode == "put" then
    return wrk.format("PUT", "/api/v1/runs/" .. uuid4(), headers(), body)
  end
  return wrk.format("GET", path, headers())
end

function response(status, _, _)
  if status ~= expect then
    bad = bad + 1
    if first_bad == 0 then
      first_bad = status
    end
  end
end

function done(summary, latency, _)
  local total_bad, first_bad_status = 0, 0
  for _, thread in ipairs(threads) do
    total_bad = total_bad + thread:get("bad")
    if first_bad_status == 0 then
      first_bad_status = thread:get("first_bad")
    end
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"socket_errors":%d,"bad":%d,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"first_bad_status":%d}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, total_bad,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, first_bad_status))
end
