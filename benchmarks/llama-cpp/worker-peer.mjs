// The llama.cpp peer of `worker-throughput`: the same tasks (the worker's prompt token ids and result JSON schema),
// N sequences of one context working through the queue, each answer generated greedily under the schema as a
// llama.cpp JSON-schema grammar, after an unmeasured warm-up on the first tasks. Prints one JSON line: tasks/s, latency
// percentiles, answers.
//
//   node worker-peer.mjs <model.gguf> <tasks.json: [{"prompt":[ids...],"schema":{...}}, ...]> [sequences=8] [threads=2] [max tokens=64]
import { readFileSync } from "node:fs";
import { getLlama, LlamaGrammarEvaluationState, LlamaLogLevel } from "node-llama-cpp";

const [modelPath, tasksPath, sequencesArg = "8", threadsArg = "2", maxArg = "64"] = process.argv.slice(2);
if (!modelPath || !tasksPath) {
    console.error("usage: node worker-peer.mjs <model.gguf> <tasks.json> [sequences] [threads] [max tokens]");
    process.exit(2);
}

const tasks = JSON.parse(readFileSync(tasksPath, "utf8"));
const n = Number.parseInt(sequencesArg, 10);
const threads = Number.parseInt(threadsArg, 10);
const maxTokens = Number.parseInt(maxArg, 10);
const longest = Math.max(...tasks.map(t => t.prompt.length));

const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath });
const context = await model.createContext({ contextSize: longest + maxTokens + 16, sequences: n, threads, batchSize: 512 });
const grammars = new Map();
async function grammarFor(schema) {
    const key = JSON.stringify(schema);
    if (!grammars.has(key)) grammars.set(key, await llama.createGrammarForJsonSchema(schema));
    return grammars.get(key);
}

function complete(text) {
    const trimmed = text.trim();
    if (!trimmed.endsWith("}") && !trimmed.endsWith("]")) return false;
    try { JSON.parse(trimmed); return true; } catch { return false; }
}

async function answer(sequence, task) {
    const grammar = await grammarFor(task.schema);
    const state = new LlamaGrammarEvaluationState({ model, grammar });
    const tokens = [];
    for await (const token of sequence.evaluate(task.prompt, { temperature: 0, grammarEvaluationState: state })) {
        if (model.isEogToken(token)) break;
        tokens.push(token);
        // The JSON-schema grammar lets whitespace follow the value; like our engine, stop once the value is complete.
        if (complete(model.detokenize(tokens))) break;
        if (tokens.length >= maxTokens) break;
    }
    await sequence.clearHistory();
    return model.detokenize(tokens);
}

const sequences = Array.from({ length: Math.min(n, tasks.length) }, () => context.getSequence());
// Unmeasured warm-up on the first tasks (grammars, buffers), as worker-throughput warms up its worker with 4 tasks.
await Promise.all(tasks.slice(0, Math.min(4, sequences.length)).map((task, i) => answer(sequences[i], task)));

const latencies = [];
const answers = new Array(tasks.length);
let next = 0;
const start = process.hrtime.bigint();
await Promise.all(sequences.map(async sequence => {
    while (next < tasks.length) {
        const index = next++;
        const begun = process.hrtime.bigint();
        answers[index] = await answer(sequence, tasks[index]);
        latencies.push(Number(process.hrtime.bigint() - begun) / 1e6);
    }
}));
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
latencies.sort((a, b) => a - b);
const pct = p => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
console.log(JSON.stringify({
    model: modelPath,
    tasks: tasks.length,
    sequences: n,
    wall_ms: wallMs,
    tasks_per_s: tasks.length / (wallMs / 1000),
    p50_ms: pct(0.5),
    p95_ms: pct(0.95),
    answers: answers.slice(0, 5),
}));

await context.dispose();
await model.dispose();
await llama.dispose();
