// N greedy sequences at once in llama.cpp (node-llama-cpp: one context with N sequences, decoded together in one
// batch per step) for a GGUF written by make-model, after one unmeasured round of the same size. Prints one JSON
// line: prompt time, aggregate generated tokens/s.
//
//   node parallel.mjs <model.gguf> <prompts.json: [[ids...], ...]> [new tokens=32] [threads=2]
import { readFileSync } from "node:fs";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";

const [modelPath, promptsPath, countArg = "32", threadsArg = "2"] = process.argv.slice(2);
if (!modelPath || !promptsPath) {
    console.error("usage: node parallel.mjs <model.gguf> <prompts.json> [new tokens] [threads]");
    process.exit(2);
}

const prompts = JSON.parse(readFileSync(promptsPath, "utf8"));
const count = Number.parseInt(countArg, 10);
const threads = Number.parseInt(threadsArg, 10);
const longest = Math.max(...prompts.map(p => p.length));

const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath });
const context = await model.createContext({ contextSize: longest + count + 16, sequences: prompts.length, threads, batchSize: 512 });
const sequences = prompts.map(() => context.getSequence());

const firstAt = [];
const generate = () => Promise.all(sequences.map(async (sequence, i) => {
    const tokens = [];
    for await (const token of sequence.evaluate(prompts[i], { temperature: 0 })) {
        if (tokens.length === 0) firstAt[i] = process.hrtime.bigint();
        tokens.push(token);
        if (tokens.length >= count) break;
    }
    return tokens;
}));

// One unmeasured round of the same size first (buffers, page cache), as slm-speed does; then empty caches again.
await generate();
await Promise.all(sequences.map(s => s.clearHistory()));

const start = process.hrtime.bigint();
const generated = await generate();
const end = process.hrtime.bigint();

const total = generated.reduce((n, t) => n + t.length, 0);
const wallMs = Number(end - start) / 1e6;
const lastFirst = firstAt.reduce((a, b) => (a > b ? a : b));
const decodeMs = Number(end - lastFirst) / 1e6;
console.log(JSON.stringify({
    model: modelPath,
    sequences: prompts.length,
    prompt_tokens: prompts.reduce((n, p) => n + p.length, 0),
    generated_tokens: total,
    wall_ms: wallMs,
    aggregate_tokens_per_s: total / (wallMs / 1000),
    decode_tokens_per_s_after_all_prefills: (total - prompts.length) / (decodeMs / 1000),
    tokens: generated,
    threads,
}));

await context.dispose();
await model.dispose();
await llama.dispose();
