/*
 * Material's real search worker (as installed), run under Node with the handbook's override of
 * `lunr/wordcut.js`, as a browser runs it: a worker global with importScripts, postMessage and
 * message events. Used by tests/test_search_words.py and bench (search profiling).
 *
 *   node tests/search_worker.js MATERIAL_JS_DIR OVERRIDES_JS_DIR INDEX_JSON < queries.json
 *
 * queries.json: a JSON list of queries. Prints JSON: {messages, ms, cpu, stages}: what the worker
 * posted (the answer to setup, then one per query); per query the wall and CPU milliseconds and
 * the CPU milliseconds of its stages (lexing, lunr, message).
 */
"use strict"
const fs = require("fs")
const path = require("path")
const vm = require("vm")

const [materialDir, overridesDir, indexPath] = process.argv.slice(2)
const queries = JSON.parse(fs.readFileSync(0, "utf8"))
const index = JSON.parse(fs.readFileSync(indexPath, "utf8"))
const workerDir = path.join(materialDir, "workers")
const workerFile = fs.readdirSync(workerDir).find(name => /^search\..*\.min\.js$/.test(name))

const posted = []
const listeners = []
const stages = { lexing: 0, lunr: 0, message: 0 }
const sandbox = {
  console, Intl, structuredClone, setTimeout, clearTimeout, TextEncoder, TextDecoder,
  performance,
  addEventListener: (type, fn) => { if (type === "message") listeners.push(fn) },
  /* A worker's message is copied to the page (structured clone): timed as the `message` stage */
  postMessage: message => {
    const start = cpu()
    posted.push(structuredClone(message))
    stages.message += cpu() - start
  },
  importScripts: (...urls) => {
    for (const url of urls) {
      /* Relative to the worker (assets/javascripts/workers/): ../lunr/… */
      const relative = path.posix.normalize(path.posix.join("workers", url))
      const ours = path.join(overridesDir, relative)
      const file = fs.existsSync(ours) ? ours : path.join(materialDir, relative)
      vm.runInContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file })
    }
  },
}
sandbox.self = sandbox
vm.createContext(sandbox)
vm.runInContext(fs.readFileSync(path.join(workerDir, workerFile), "utf8"), sandbox,
  { filename: workerFile })

async function send(data) {
  const before = posted.length
  for (const fn of listeners) await fn({ data })
  /* Material answers asynchronously (a generator stepped by promises) */
  for (let i = 0; i < 1000 && posted.length === before; i++) await new Promise(r => setImmediate(r))
  if (posted.length === before) throw new Error(`the worker did not answer ${JSON.stringify(data).slice(0, 80)}`)
  return posted[posted.length - 1]
}

/* CPU milliseconds of this process (steadier than wall time on a busy machine) */
function cpu() { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }

/* Time spent in `object[name]` (re-entrant calls counted once) into stages[stage] */
function timed(object, name, stages, stage) {
  const original = object[name]
  let depth = 0
  object[name] = function () {
    if (depth++) try { return original.apply(this, arguments) } finally { depth-- }
    const start = cpu()
    try { return original.apply(this, arguments) } finally { depth--; stages[stage] += cpu() - start }
  }
}

(async () => {
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } })
  /* Stages of each answer: the query's words (lexing, with the handbook's expansion), lunr's
     search (with the adapter's), the result message copied out; the rest is Material's
     post-processing (highlighting, grouping) */
  const lunr = sandbox.lunr
  timed(lunr.QueryLexer.prototype, "run", stages, "lexing")
  timed(lunr.Index.prototype, "search", stages, "lunr")
  const ms = [], cpuMs = [], stageMs = []
  for (const query of queries) {
    const start = performance.now(), startCpu = cpu()
    for (const key in stages) stages[key] = 0
    await send({ type: 2, data: query })
    ms.push(performance.now() - start)
    cpuMs.push(cpu() - startCpu)
    stageMs.push(Object.assign({}, stages))
  }
  process.stdout.write(JSON.stringify({ messages: posted, ms, cpu: cpuMs, stages: stageMs }))
})()
