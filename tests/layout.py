#!/usr/bin/env python3
"""layout.py - the tree keeps the shape engine/README.md describes.

Checks that every folder includes only the folders README.md says it may use, that no module
(a .c file and its header) depends on itself round a circle, that every .c file outside cli/
has its own header, and that the public names of each built object begin with its prefix.
Run from the top of the tree: python3 tests/layout.py [BUILD_DIR]. Exit 1 with one line per
breach.
"""
import glob
import os
import re
import subprocess
import sys

# Modules whose prefix is not their file's name: the short prefix, Lua style. util is the
# common helpers (xmalloc, streq, sb_add...), named by what they do.
PREFIXES = {
    "sandbox": ("sbx_",),
    "htmlkit": ("hk_",),
    "xmlsafe": ("xml_",),
    "xmlstream": ("xml_",),
    "event": ("ev_",),
    "journal": ("journal_", "jstr", "jint"),
    "lexicon": ("lexicon_", "quadrant_", "corner_"),
    "rexpr": ("rexpr_", "rval_"),
    "scenario": ("scenario_", "text_", "deck_"),
    "explorer_jobs": ("explorer_jobs",),
    "util": None,
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
RULE = re.compile(r"^- \*\*(?:\.\./)?(\w+)/\*\* may use: (.*)\.$", re.M)


def folder_of(path):
    parts = path.split("/")
    return parts[1] if parts[0] == "engine" else parts[0]


def allowed_uses():
    text = open("engine/README.md", encoding="utf-8").read()
    rules = {}
    for folder, uses in RULE.findall(text):
        rules[folder] = set() if uses.strip() == "nothing" else {u.strip() for u in uses.split(",")}
    return rules


def sources():
    return sorted(glob.glob("engine/*/*.[ch]") + glob.glob("debrief/*.[ch]"))


def includes(path):
    return INCLUDE.findall(open(path, encoding="utf-8").read())


def check_folders(rules, problems):
    for folder in {folder_of(p) for p in sources()}:
        if folder not in rules:
            problems.append(f"engine/README.md: folder {folder}/ is not described (add '- **{folder}/** may use: ...')")
    for path in sources():
        mine = folder_of(path)
        for inc in includes(path):
            if "/" not in inc:
                problems.append(f"{path}: includes \"{inc}\" without its folder")
                continue
            theirs = inc.split("/")[0]
            if theirs != mine and theirs not in rules.get(mine, set()):
                problems.append(f"{path}: {mine}/ may not use {theirs}/ (includes \"{inc}\"; see engine/README.md)")


def module_of(path):
    return os.path.splitext(path)[0]


def header_path(inc):
    return inc if inc.startswith("debrief/") else "engine/" + inc


def check_circles(problems):
    graph = {}
    for path in sources():
        me = module_of(path)
        for inc in includes(path):
            other = module_of(header_path(inc))
            if other != me:
                graph.setdefault(me, set()).add(other)
    state, stack = {}, []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                circle = stack[stack.index(nxt):] + [nxt]
                problems.append("include circle: " + " -> ".join(circle))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def check_headers(problems):
    for path in sources():
        if not path.endswith(".c") or folder_of(path) == "cli":
            continue
        if not os.path.exists(path[:-2] + ".h"):
            problems.append(f"{path}: has no header of its own ({os.path.basename(path)[:-2]}.h)")


def check_prefixes(build, problems):
    objects = sorted(glob.glob(f"{build}/engine/*/*.o") + glob.glob(f"{build}/debrief/*.o"))
    objects = [o for o in objects if os.path.exists(o[len(build) + 1:-2] + ".c") and "/cli/" not in o]
    if not objects:
        problems.append(f"{build}: no objects built; run make first")
        return
    for obj in objects:
        name = os.path.basename(obj)[:-2]
        prefixes = PREFIXES.get(name, (name + "_", name))
        if prefixes is None:
            continue
        out = subprocess.run(["nm", "--defined-only", "-g", obj], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            fields = line.split()
            # Names that begin with "__" belong to the implementation (sanitizers add __odr_asan.*).
            if len(fields) == 3 and fields[1] in "TDBR" and not fields[2].startswith(("__",) + tuple(prefixes)):
                problems.append(f"{obj[len(build) + 1:-2]}.c: public name {fields[2]} does not begin with {' or '.join(prefixes)}")


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    problems = []
    rules = allowed_uses()
    if not rules:
        problems.append("engine/README.md: no '- **folder/** may use: ...' lines found")
    check_folders(rules, problems)
    check_circles(problems)
    check_headers(problems)
    check_prefixes(build, problems)
    for p in problems:
        print("layout: " + p)
    print(f"layout: {len(problems)} problem(s)" if problems else "layout: the tree keeps its shape")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
