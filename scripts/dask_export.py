#!/usr/bin/python3
"""Runs `newskg export` on a Dask cluster and merges the shards: the same graph as one machine.

The JSON Lines input becomes a dask bag (one partition per block of lines); each worker pipes its
partition through `newskg export --jsonl - -o - --format nquads` (each document's graph in shard
form), the N-Quads shards come back to this driver (or are written by the workers to a folder
they all share, --shared-dir), and `newskg merge` runs the corpus pass over them here.

  # a local cluster: a scheduler and N worker processes on this machine, over TCP on loopback
  scripts/dask_export.py --jsonl news.jsonl --out output --local-workers 2

  # an existing cluster (every worker needs the same newskg binary at --newskg)
  scripts/dask_export.py --jsonl /data/news.jsonl --out output --scheduler tcp://10.0.0.5:8786 \
      --newskg /opt/newskg/bin/newskg --shared-dir /data/shards

Exit code: newskg merge's, or 3 when a partition failed outright (its stderr is printed).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def export_partition(lines, index, newskg, jobs, base, shared_dir):
    """Runs on a worker: one partition of JSON lines -> (index, rc, stderr, N-Quads or path)."""
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines).encode("utf-8")
    cmd = [newskg, "export", "--jsonl", "-", "-o", "-", "--format", "nquads", "-q", "-j", str(jobs)]
    if base:
        cmd += ["--base", base]
    done = subprocess.run(cmd, input=data, capture_output=True, check=False)
    # 0 = every record used, 1 = some skipped (reported on stderr): the shard is good either way.
    if done.returncode not in (0, 1):
        return [(index, done.returncode, done.stderr.decode("utf-8", "replace"), None)]
    if shared_dir:
        path = os.path.join(shared_dir, "part-%05d.nq" % index)
        with open(path + ".tmp", "wb") as f:
            f.write(done.stdout)
            f.flush()
            os.fsync(f.fileno())
        os.replace(path + ".tmp", path)
        return [(index, done.returncode, done.stderr.decode("utf-8", "replace"), path)]
    return [(index, done.returncode, done.stderr.decode("utf-8", "replace"), done.stdout)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jsonl", action="append", required=True, help="JSON Lines input (repeatable)")
    parser.add_argument("--out", required=True, help="output folder of the merged graph")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--local-workers", type=int, help="start a LocalCluster with this many worker processes")
    parser.add_argument("--blocksize", default="64MiB", help="bytes of input per partition (default 64MiB)")
    parser.add_argument("--newskg", default=shutil.which("newskg") or "newskg", help="the newskg binary on the workers")
    parser.add_argument("--jobs", type=int, default=1, help="threads of each newskg on a worker (default 1)")
    parser.add_argument("--base", default="", help="--base for export and merge")
    parser.add_argument("--format", default="all", help="--format of the merged output")
    parser.add_argument("--shared-dir", default="", help="workers write shards here (a folder all machines share)")
    parser.add_argument("--keep-shards", default="", help="keep the shards in this folder")
    args = parser.parse_args()

    import dask
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    newskg = os.path.abspath(args.newskg) if os.path.exists(args.newskg) else args.newskg
    cluster = None
    if args.local_workers:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", protocol="tcp", dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(args.scheduler)
    workers = client.scheduler_info()["workers"]
    print("dask_export: scheduler %s, %d workers (%s)" % (client.scheduler.address, len(workers),
                                                         ", ".join(sorted(workers))), file=sys.stderr)
    try:
        bag = db.read_text(args.jsonl, blocksize=dask.utils.parse_bytes(args.blocksize))
        export = dask.delayed(export_partition, pure=False)
        tasks = [export(part, i, newskg, args.jobs, args.base, args.shared_dir)
                 for i, part in enumerate(bag.to_delayed())]
        results = sorted((r for rs in client.compute(tasks, sync=True) for r in rs), key=lambda r: r[0])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    shard_dir = args.keep_shards or tempfile.mkdtemp(prefix="newskg-shards-")
    os.makedirs(shard_dir, exist_ok=True)
    shards = []
    failed = 0
    for index, rc, stderr, payload in results:
        if stderr:
            sys.stderr.write("partition %d: %s" % (index, stderr if stderr.endswith("\n") else stderr + "\n"))
        if payload is None:
            failed += 1
            continue
        if isinstance(payload, bytes):
            path = os.path.join(shard_dir, "part-%05d.nq" % index)
            with open(path, "wb") as f:
                f.write(payload)
            shards.append(path)
        else:
            shards.append(payload)
    print("dask_export: %d partitions, %d failed" % (len(results), failed), file=sys.stderr)
    if failed:
        return 3
    cmd = [newskg, "merge", *shards, "-o", args.out, "--format", args.format]
    if args.base:
        cmd += ["--base", args.base]
    rc = subprocess.run(cmd, check=False).returncode
    if not args.keep_shards:
        shutil.rmtree(shard_dir, ignore_errors=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
