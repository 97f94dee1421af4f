#!/usr/bin/env python3
"""check-samples.py BIN DIR DOC...: run every sample command in the Markdown
files DOC and compare its standard output with the text that follows it.

In a fenced block, a line '$ aipm-lint ARGS' is a command, run by the shell
in DIR with 'aipm-lint' meaning BIN; the lines after it, up to the next '$ '
line or the end of the block, are its exact standard output. A block that
holds only the command takes the next fenced block as the output. '$ echo $?'
checks the exit status of the command before it. Standard error is ignored.
Exit 1 when any sample differs.

With --update first, rewrite each differing sample output in place instead
(for a reviewed change of the output; check the diff before committing)."""
import difflib
import os
import re
import subprocess
import sys


def blocks(lines):
    """Return the fenced blocks of 'lines' as (first content line index, content lines)."""
    out, cur, fence, start = [], None, None, 0
    for n, line in enumerate(lines):
        m = re.match(r"^(```+|~~~+)", line)
        if cur is None and m:
            cur, fence, start = [], m.group(1), n + 1
        elif cur is not None and line.startswith(fence) and line.strip() == fence:
            out.append((start, cur))
            cur = None
        elif cur is not None:
            cur.append(line)
    return out


def main():
    args = sys.argv[1:]
    update = bool(args) and args[0] == "--update"
    if update:
        args = args[1:]
    bin_path, cwd, docs = os.path.abspath(args[0]), args[1], args[2:]
    env = dict(os.environ)
    env.pop("GITHUB_STEP_SUMMARY", None)
    env["NO_COLOR"] = ""
    failed = checked = 0
    for doc in docs:
        lines = open(doc, encoding="utf-8").read().split("\n")
        bs = blocks(lines)
        edits = []  # (first line, end line, new lines), applied bottom-up
        status = None
        for i, (start, b) in enumerate(bs):
            j = 0
            while j < len(b):
                line = b[j]
                if not line.startswith("$ "):
                    j += 1
                    continue
                k = j + 1
                while k < len(b) and not b[k].startswith("$ "):
                    k += 1
                want = "\n".join(b[j + 1:k]) + "\n" if k > j + 1 else ""
                cmd = line[2:]
                if cmd == "echo $?":
                    checked += 1
                    if status is None or want.strip() != str(status):
                        print(f"FAIL {doc}: 'echo $?' says {want.strip()}, the status was {status}")
                        failed += 1
                elif cmd.startswith("aipm-lint"):
                    span = (start + j + 1, start + k)
                    if not want and len(b) == 1 and i + 1 < len(bs):
                        want = "\n".join(bs[i + 1][1]) + "\n"
                        span = (bs[i + 1][0], bs[i + 1][0] + len(bs[i + 1][1]))
                    shell = bin_path + cmd[len("aipm-lint"):]
                    r = subprocess.run(shell, shell=True, cwd=cwd, env=env,
                                       capture_output=True, text=True)
                    status = r.returncode
                    checked += 1
                    if r.stdout != want and update:
                        edits.append((span[0], span[1], r.stdout.rstrip("\n").split("\n")))
                        print(f"updated {doc}: '{line}'")
                    elif r.stdout != want:
                        failed += 1
                        print(f"FAIL {doc}: '{line}' prints something else:")
                        sys.stdout.writelines(difflib.unified_diff(
                            want.splitlines(True), r.stdout.splitlines(True), "documented", "actual"))
                j = k
        for first, end, new in reversed(edits):
            lines[first:end] = new
        if edits:
            open(doc, "w", encoding="utf-8").write("\n".join(lines))
    print(f"doc samples: {checked - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
