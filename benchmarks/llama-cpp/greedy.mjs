// Greedy generation in llama.cpp (node-llama-cpp prebuilt CPU binaries, no network) for a GGUF written by
// make-model. Prints one JSON line: the generated token ids and timings (wall time, and the process's CPU time, which
// a loaded machine disturbs far less), after one unmeasured warm-up generation of the same size.
//
//   node greedy.mjs <model.gguf> <comma-separated prompt token ids> [new tokens=16] [threads=2]
import { getLlama, LlamaLogLevel } from "node-llama-cpp";

const [modelPath, promptArg, countArg = "16", threadsArg = "2"] = process.argv.slice(2);
if (!modelPath || !promptArg) {
    console.error("usage: node greedy.mjs <model.gguf> <ids,comma,separated> [new tokens] [threads]");
    process.exit(2);
}

const prompt = promptArg.split(",").map(s => Number.parseInt(s, 10));
const count = Number.parseInt(countArg, 10);
const threads = Number.parseInt(threadsArg, 10);

const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath });
const context = await model.createContext({ contextSize: Math.max(256, prompt.length + count + 8), threads, batchSize: 512 });
const sequence = context.getSequence();

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

// Warm-up at the measured size (buffers, page cache), as slm-speed does on its side; then an empty cache again.
let warm = 0;
for await (const _ of sequence.evaluate(prompt, { temperature: 0 })) {
    if (++warm >= count) break;
}
await sequence.clearHistory();

const tokens = [];
const start = process.hrtime.bigint();
const cpuStart = cpuMs();
let firstAt = 0n;
let cpuFirst = 0;
for await (const token of sequence.evaluate(prompt, { temperature: 0 })) {
    if (tokens.length === 0) {
        firstAt = process.hrtime.bigint();
        cpuFirst = cpuMs();
    }
    tokens.push(token);
    if (tokens.length >= count) break;
}
const end = process.hrtime.bigint();
const cpuEnd = cpuMs();

const promptMs = Number(firstAt - start) / 1e6;
const genMs = Number(end - firstAt) / 1e6;
console.log(JSON.stringify({
    model: modelPath,
    prompt_tokens: prompt.length,
    tokens,
    prompt_ms: promptMs,
    prompt_tokens_per_s: prompt.length / (promptMs / 1000),
    generation_tokens_per_s: tokens.length > 1 ? (tokens.length - 1) / (genMs / 1000) : null,
    prompt_tokens_per_cpu_s: prompt.length / ((cpuFirst - cpuStart) / 1000),
    generation_tokens_per_cpu_s: tokens.length > 1 ? (tokens.length - 1) / ((cpuEnd - cpuFirst) / 1000) : null,
    threads,
}));

await context.dispose();
await model.dispose();
await llama.dispose();
