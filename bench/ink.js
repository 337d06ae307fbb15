// bench/ink.js - the inkjs side of the benchmark.
//
//   node bench/ink.js compile STORY.ink STORY.json   compile (inkjs's own compiler); prints ms
//   node bench/ink.js load STORY.json                 load the compiled story; prints ms
//   node bench/ink.js walk STORY.json CHOICES [SEED]  random walk; prints choices per second
//
// The walk chooses at random with ChooseChoiceIndex, reads all text between choices with
// Continue, and restarts (ResetState) at an ending, like `verbeeld explore --random`.
"use strict";
const fs = require("fs");
const { Story } = require("inkjs/engine/Story");

function now() {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

const [mode, a, b, c] = process.argv.slice(2);

if (mode === "compile") {
  const { Compiler } = require("inkjs/compiler/Compiler");
  const src = fs.readFileSync(a, "utf8");
  const t0 = now();
  const compiler = new Compiler(src);
  const story = compiler.Compile();
  const json = story.ToJson();
  const t1 = now();
  if (compiler.errors && compiler.errors.length) {
    console.error(compiler.errors.slice(0, 5).join("\n"));
    process.exit(1);
  }
  fs.writeFileSync(b, json);
  console.log("compile_ms " + (t1 - t0).toFixed(2));
} else if (mode === "load") {
  const t0 = now();
  const json = fs.readFileSync(a, "utf8");
  const story = new Story(json);
  const t1 = now();
  if (!story.canContinue) process.exit(1);
  console.log("load_ms " + (t1 - t0).toFixed(2));
} else if (mode === "walk") {
  const story = new Story(fs.readFileSync(a, "utf8"));
  const want = parseInt(b, 10);
  let x = BigInt(parseInt(c || "1", 10)) * 2654435761n + 88172645463325252n;
  const mask = (1n << 64n) - 1n;
  function rnd(n) {            // xorshift64, as explore uses
    x ^= (x << 13n) & mask;
    x ^= x >> 7n;
    x ^= (x << 17n) & mask;
    return Number(x % BigInt(n));
  }
  let choices = 0, endings = 0, chars = 0;
  const t0 = now();
  while (choices < want) {
    while (story.canContinue) chars += story.Continue().length;
    const n = story.currentChoices.length;
    if (n === 0) {
      endings++;
      story.ResetState();
      continue;
    }
    story.ChooseChoiceIndex(rnd(n));
    choices++;
  }
  const t1 = now();
  const secs = (t1 - t0) / 1e3;
  console.log("choices " + choices + " endings " + endings + " chars " + chars +
              " per_second " + (choices / secs).toFixed(0));
} else {
  console.error("usage: node bench/ink.js compile|load|walk ...");
  process.exit(2);
}
