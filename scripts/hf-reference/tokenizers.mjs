// Writes the golden token ids of the conformance corpus for every real tokenizer in ../shared/models-meta, as
// computed by @huggingface/tokenizers (Hugging Face's tokenizers in JavaScript). Run from this folder:
//   npm ci && node tokenizers.mjs
// Output: tests/HeteroAgents.Inference.Tests/Tokenization/Golden/{corpus.json,<tokenizer>.ids.json}.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Tokenizer } from "@huggingface/tokenizers";
import { buildCorpus, CORPUS_SEED } from "./corpus.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const meta = path.resolve(repo, "../shared/models-meta");
const out = path.join(repo, "tests/HeteroAgents.Inference.Tests/Tokenization/Golden");
const readJson = (p) => JSON.parse(fs.readFileSync(p, "utf8"));

// The tokenizer.json that transformers' Qwen2Converter (convert_slow_tokenizer.py) builds from vocab.json +
// merges.txt, with the added tokens of tokenizer_config.json's added_tokens_decoder: this is what the fast tokenizer
// of a Qwen2/Qwen3 folder without tokenizer.json is, and what transformers.js would need to be given.
export const QWEN2_SPLIT =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

function qwen2FromVocabMerges(dir) {
  const config = readJson(path.join(dir, "tokenizer_config.json"));
  const merges = fs.readFileSync(path.join(dir, "merges.txt"), "utf8").split("\n").filter((l) => l.length > 0 && !l.startsWith("#version"));
  const added = Object.entries(config.added_tokens_decoder ?? {}).map(([id, t]) => ({ id: Number(id), ...t }));
  const byteLevel = { type: "ByteLevel", add_prefix_space: false, trim_offsets: false, use_regex: false };
  const json = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: { type: "NFC" },
    pre_tokenizer: {
      type: "Sequence",
      pretokenizers: [{ type: "Split", pattern: { Regex: QWEN2_SPLIT }, behavior: "Isolated", invert: false }, { ...byteLevel, add_prefix_space: config.add_prefix_space ?? false }],
    },
    post_processor: byteLevel,
    decoder: byteLevel,
    model: {
      type: "BPE", dropout: null, unk_token: null, continuing_subword_prefix: "", end_of_word_suffix: "", fuse_unk: false,
      byte_fallback: false, ignore_merges: false, vocab: readJson(path.join(dir, "vocab.json")), merges,
    },
  };
  return { tokenizer: new Tokenizer(json, config), source: "vocab.json + merges.txt + tokenizer_config.json (converted as transformers' Qwen2Converter does)" };
}

const TOKENIZERS = {
  "smollm2-135m-instruct": () => ({
    tokenizer: new Tokenizer(readJson(path.join(meta, "smollm2-135m-instruct/tokenizer.json")), {}),
    source: "tokenizer.json",
  }),
  "qwen3-0.6b-onnx-community-layout": () => qwen2FromVocabMerges(path.join(meta, "qwen3-0.6b-onnx-community-layout")),
};

const corpus = buildCorpus();
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "corpus.json"), "[\n" + corpus.map((s) => JSON.stringify(s)).join(",\n") + "\n]\n");
for (const [name, make] of Object.entries(TOKENIZERS)) {
  const { tokenizer, source } = make();
  const ids = [];
  const decoded = {};
  let tokens = 0;
  corpus.forEach((text, i) => {
    const e = tokenizer.encode(text, { add_special_tokens: false }).ids;
    ids.push(e);
    tokens += e.length;
    const back = e.length === 0 ? "" : tokenizer.decode(e, { skip_special_tokens: false, clean_up_tokenization_spaces: false });
    if (back !== text) decoded[i] = back;
  });
  const golden = {
    reference: "@huggingface/tokenizers 0.2.0",
    tokenizer: `../shared/models-meta/${name} (${source})`,
    corpusSeed: CORPUS_SEED,
    decodedWhereDifferent: decoded,
    ids,
  };
  const body = JSON.stringify(golden, null, 1).replace(/\[\n\s+([\d,\s]+?)\n\s+\]/g, (_, xs) => "[" + xs.replace(/\s+/g, "") + "]");
  fs.writeFileSync(path.join(out, `${name}.ids.json`), body + "\n");
  console.log(`${name}: ${corpus.length} strings, ${tokens} tokens, ${Object.keys(decoded).length} decode differently (normalization)`);
}
