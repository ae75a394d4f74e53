"""Relais side by side with GNU Mailman 3 and public-inbox, runs alternating (issue 13, item 1).

    .venv/bin/python bench/peers/run.py --runs 3
    .venv/bin/python bench/peers/run.py --runs 1 --quick --only import,pages
    .venv/bin/python bench/peers/run.py --relais /work/main/.venv/bin/relais   # another checkout

Installs the peers once (Mailman in bench/out/mailman-venv, public-inbox from Debian), builds
the shared corpus once (bench/out/), then per run: bulk import (Relais, public-inbox);
end-to-end delivery through one shared sink, 500 posts to 100 members and 20 posts to 10,000
(``relais smtp --lmtp``, ``relais serve``, Mailman over LMTP), which also gives the accept
rate and the delivery stack's memory; thread pages and the list feed, sequential and with 8
clients, Relais' page cache on and off (``relais web`` vs public-inbox-httpd, 2 workers each),
and each web server's memory idle after that load. Prints every figure as it comes, then the
table (also written to bench/out/peers/table.md and results.json).
"""
from __future__ import annotations

import argparse
import email.parser
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import http_load  # noqa: E402
import inbox_side  # noqa: E402
import install  # noqa: E402
import mailman_side  # noqa: E402
import relais_side  # noqa: E402
from processes import SinkProcess, memory, tree_of  # noqa: E402
from report import Table  # noqa: E402

WORKLOADS = ("import", "delivery", "fanout", "pages")
FULL = {"messages": 10_000, "posts": 500, "members": 100, "fanout_posts": 20,
        "fanout_members": 10_000, "seconds": 5.0}
QUICK = {"messages": 2_000, "posts": 100, "members": 100, "fanout_posts": 5,
         "fanout_members": 2_000, "seconds": 2.0}


def corpus(count: int) -> Path:
    """The shared generated corpus, from ../shared beside the checkout (or /work/shared)."""
    from bench import corpus as shared
    if not shared.GENERATOR.exists():
        for candidate in (ROOT.parent.parent / "shared" / "bench" / "gen_corpus.py",
                          Path("/work/shared/bench/gen_corpus.py")):
            if candidate.exists():
                shared.GENERATOR = candidate
    return shared.corpus_path(count)


def thread_roots(path: Path, size: int = 10, wanted: int = 50) -> list[str]:
    """Root Message-IDs of threads of ``size`` messages (the nearest sizes if too few)."""
    cache = path.with_suffix(f".roots-{size}.json")
    if cache.exists():
        return json.loads(cache.read_text())
    sys.path.insert(0, str(ROOT))
    from feeds.mbox import read
    parser, sizes, order = email.parser.BytesHeaderParser(), Counter(), []
    with open(path, "rb") as handle:
        for raw in read(handle):
            head = parser.parsebytes(raw.split(b"\n\n", 1)[0] + b"\n\n")
            ids = (str(head.get("References", "")) + " " + str(head.get("In-Reply-To", ""))).split()
            root = ids[0] if ids else str(head.get("Message-ID", "")).strip()
            if root not in sizes:
                order.append(root)
            sizes[root] += 1
    roots: list[str] = []
    for distance in range(0, 20):
        roots += [r for r in order if abs(sizes[r] - size) == distance and r not in roots]
        if len(roots) >= wanted:
            break
    roots = [r.strip("<>") for r in roots[:wanted]]
    cache.write_text(json.dumps(roots))
    return roots


def _pages(port: int, paths: dict[str, list[str]], seconds: float) -> dict[str, dict]:
    """Thread pages and the list feed, sequential (1 client) then 8 clients, after a warm-up."""
    results = {}
    for name in ("thread", "feed"):
        for clients in (1, 8):
            http_load.load(port, paths[name], clients, 1.0)
            results[f"{name}-{clients}"] = http_load.load(port, paths[name], clients, seconds)
            bad = {k: v for k, v in results[f"{name}-{clients}"]["statuses"].items() if k != 200}
            if bad:
                print(f"    {name} with {clients} clients: statuses {bad}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(WORKLOADS),
                        help=f"comma-separated among {', '.join(WORKLOADS)}")
    parser.add_argument("--quick", action="store_true", help="smaller workloads, to try it out")
    parser.add_argument("--relais", type=Path, default=ROOT / ".venv" / "bin" / "relais",
                        help="the relais executable of the checkout to measure")
    parser.add_argument("--modes", default="lmtp,serve,lmtp-batched",
                        help="Relais delivery commands: lmtp (relais smtp --lmtp), serve, and "
                             "either with -batched (the list's batched delivery mode)")
    parser.add_argument("--fanout-modes", default="lmtp,lmtp-batched",
                        help="the Relais modes of the 10,000-member fan-out (each personal copy "
                             "is a transaction for the sink: 200,000 of them take minutes)")
    parser.add_argument("--connections", type=int, default=4, help="parallel LMTP/SMTP clients")
    parser.add_argument("--mailman-verp", action="store_true",
                        help="also run Mailman with every copy VERPed (one recipient each)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "peers")
    for size in FULL:
        parser.add_argument(f"--{size.replace('_', '-')}", type=type(FULL[size]), default=None,
                            help=f"override the size (default {FULL[size]}, --quick {QUICK[size]})")
    parser.add_argument("--table", type=Path, action="append", default=[],
                        help="print the table of saved results.json files (merged) and exit")
    args = parser.parse_args()
    if args.table:
        _print_saved(args.table)
        return
    only = set(args.only.split(","))
    args.relais = args.relais.absolute()
    sizes = dict(QUICK if args.quick else FULL)
    sizes.update({k: getattr(args, k) for k in FULL if getattr(args, k) is not None})
    modes = args.modes.split(",")
    out = args.out.absolute()  # the servers run in their own directories
    out.mkdir(parents=True, exist_ok=True)
    venv = install.mailman(ROOT / "bench" / "out" / "mailman-venv")
    install.public_inbox()
    meta = {"started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
            "relais": str(args.relais), "sizes": sizes, "runs": args.runs,
            "versions": install.versions(venv), "load": Path("/proc/loadavg").read_text().strip()}
    commit = subprocess.run(["git", "-C", str(args.relais.resolve().parent.parent.parent),
                             "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    meta["relais_commit"] = commit.stdout.strip() or "?"
    print(f"peers: {meta['versions']}; Relais: {args.relais} at {meta['relais_commit']}; "
          f"load {meta['load']}", flush=True)
    mbox = corpus(sizes["messages"])
    table = Table()
    sink = SinkProcess(out)
    try:
        for run in range(1, args.runs + 1):
            here = out / f"run-{run}"
            print(f"run {run}/{args.runs} ({time.strftime('%H:%M:%S')}, load "
                  f"{Path('/proc/loadavg').read_text().split()[0]})", flush=True)
            if "import" in only or "pages" in only:
                _import(table, args.relais, here, mbox, sizes["messages"])
            if "delivery" in only:
                _deliver(table, args, venv, here, sink, modes, sizes["posts"], sizes["members"],
                         "delivery")
            if "fanout" in only:
                _deliver(table, args, venv, here, sink, args.fanout_modes.split(","),
                         sizes["fanout_posts"],
                         sizes["fanout_members"], "fanout")
            if "pages" in only:
                _web(table, args.relais, here, mbox, sizes["seconds"])
            table.save(out / "results.json", meta)
    finally:
        sink.stop()
    text = (f"{args.runs} run(s), {meta['started']}, Relais {meta['relais_commit']}, "
            f"{meta['versions']}, load at start {meta['load']}\n\n" + table.markdown())
    (out / "table.md").write_text(text + "\n")
    print("\n" + text)


def _print_saved(paths: list[Path]) -> None:
    """The table of one or more saved runs (e.g. a delivery set and a fan-out set)."""
    merged = Table()
    for path in paths:
        table, meta = Table.load(path)
        print(f"{path}: {meta['started']}, Relais {meta.get('relais_commit')}, "
              f"{meta['versions']}, load at start {meta['load']}")
        merged.rows.update(table.rows)
    print("\n" + merged.markdown())


def _import(table: Table, relais: Path, here: Path, mbox: Path, count: int) -> None:
    table.row("import", f"bulk import of {count:,} messages, msg/s", "public-inbox",
              "relais import")
    mine = relais_side.bulk_import(relais, here / "relais-import", mbox, count)
    theirs = inbox_side.bulk_import(here / "inbox", mbox, count)
    if theirs["stored"] != count:
        print(f"    public-inbox stored {theirs['stored']} of {count}")
    table.add("import", theirs["rate"], mine["rate"])


def _deliver(table: Table, args, venv: Path, here: Path, sink, modes: list[str], post_count: int,
             members: int, key: str) -> None:
    label = f"{post_count} posts to {members:,} members"
    names = {"lmtp": "relais smtp --lmtp", "serve": "relais serve",
             "lmtp-batched": "relais smtp --lmtp, batched list",
             "serve-batched": "relais serve, batched list"}
    mine = {}
    for mode in modes:
        mine[mode] = relais_side.deliver(args.relais, here / f"relais-{key}-{mode}", sink, mode,
                                         post_count, members, args.connections)
        _check(names[mode], mine[mode])
    try:
        theirs = mailman_side.deliver(venv, here, sink, post_count, members, args.connections)
        _check("Mailman", theirs)
    except (RuntimeError, subprocess.CalledProcessError) as error:
        print(f"    Mailman failed: {error}")
        theirs = {}
    for mode in modes:
        table.row(f"{key}-{mode}", f"end-to-end delivery, {label}, posts/s", "Mailman 3",
                  names[mode])
        table.add(f"{key}-{mode}", theirs.get("end"), mine[mode]["end"])
    if args.mailman_verp:
        try:
            verped = mailman_side.deliver(venv, here, sink, post_count, members,
                                          args.connections, verp=True)
            _check("Mailman, VERP on every copy", verped)
        except (RuntimeError, subprocess.CalledProcessError) as error:
            print(f"    Mailman with VERP failed: {error}")
            verped = {}
        for mode in modes:
            table.row(f"{key}-{mode}-verp", f"end-to-end delivery, {label}, posts/s, one "
                      "recipient per transaction on both sides", "Mailman 3, VERP every copy",
                      names[mode])
            table.add(f"{key}-{mode}-verp", verped.get("end"), mine[mode]["end"])
    if key != "delivery":
        for mode in modes:  # a fan-out reads better in copies/s
            table.row(f"{key}-{mode}-copies", f"end-to-end delivery, {label}, copies/s",
                      "Mailman 3", names[mode])
            table.add(f"{key}-{mode}-copies", theirs["end"] * members if theirs.get("end")
                      else None, mine[mode]["end"] * members if mine[mode]["end"] else None)
        return
    for mode in modes:
        table.row(f"accept-{mode}", f"accept rate ({label}), posts/s acknowledged",
                  "Mailman 3 (LMTP)", names[mode] + (" (SMTP)" if mode.startswith("serve") else ""))
        table.add(f"accept-{mode}", theirs.get("accept"), mine[mode]["accept"])
    modes = [mode for mode in modes if not mode.endswith("-batched")]  # memory: as personal
    for mode in modes:
        for kind in ("idle", "peak"):
            table.row(f"memory-delivery-{mode}-{kind}",
                      f"memory of the delivery stack, {kind}{' after the work' if kind == 'idle' else ' during it'}, "
                      "RSS sum MB", "Mailman 3 runners", names[mode], lower_is_better=True)
            table.add(f"memory-delivery-{mode}-{kind}", theirs.get(kind, {}).get("rss"),
                      mine[mode][kind]["rss"])
    for mode in modes:
        table.row(f"pss-delivery-{mode}", "memory of the delivery stack, idle, PSS sum MB",
                  "Mailman 3 runners", names[mode], lower_is_better=True)
        table.add(f"pss-delivery-{mode}", theirs.get("idle", {}).get("pss"),
                  mine[mode]["idle"]["pss"])


def _check(name: str, result: dict) -> None:
    print(f"    {name}: {result['copies']} copies of {result['expected']} expected in "
          f"{result['transactions']} transactions; processes {result['idle']['processes']}",
          flush=True)


def _web(table: Table, relais: Path, here: Path, mbox: Path, seconds: float) -> None:
    roots = thread_roots(mbox)
    data_dir = here / "relais-import"
    figures = {}
    for cached in (True, False):
        server, port = relais_side.web(relais, data_dir, cached)
        try:
            figures[cached] = _pages(port, relais_side.paths(data_dir, relais, roots), seconds)
            if cached:
                time.sleep(2)
                web_memory = memory(tree_of(server.process.pid))
        finally:
            server.stop()
    server, port = inbox_side.web(here / "inbox")
    try:
        theirs = _pages(port, inbox_side.paths(roots), seconds)
        time.sleep(2)
        their_memory = memory(tree_of(server.process.pid))
    finally:
        server.stop()
    for cached, name in ((False, "uncached"), (True, "cached")):
        relais_name = f"relais web, page cache {'on' if cached else 'off'}"
        for page, title in (("thread", "10-message thread page"), ("feed", "list feed")):
            table.row(f"{page}-{name}-p50", f"{title}, {name}, 1 client, p50 ms",
                      "public-inbox-httpd", relais_name, lower_is_better=True)
            table.add(f"{page}-{name}-p50", theirs[f"{page}-1"]["p50"],
                      figures[cached][f"{page}-1"]["p50"])
            table.row(f"{page}-{name}-8", f"{title}, {name}, 8 clients, req/s",
                      "public-inbox-httpd (2 workers)", relais_name + " (2 workers)")
            table.add(f"{page}-{name}-8", theirs[f"{page}-8"]["rps"],
                      figures[cached][f"{page}-8"]["rps"])
    for kind in ("rss", "pss"):
        table.row(f"memory-web-{kind}", f"memory of the web server, idle after the load, "
                  f"{kind.upper()} sum MB", "public-inbox-httpd -W 2", "relais web --workers 2",
                  lower_is_better=True)
        table.add(f"memory-web-{kind}", their_memory[kind], web_memory[kind])


if __name__ == "__main__":
    main()
