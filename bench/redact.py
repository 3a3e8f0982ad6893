#!/usr/bin/env python3
"""Throughput of `pccc-guard redact` on a generated application log of more than a gigabyte with sparse personal
numbers, side by side in one run with the same rules written for the `regex` crate (bench/regex-redact) and with
`sed -E`. Before timing, it checks what each finds: the regex program's ranges against the library's
(`regex-redact --compare`), the regex program's output against the tool's, byte for byte, and sed's output
against the tool's, line by line. Every contender is pinned to one core (taskset -c 0) and writes to /dev/null;
the log is read once first so that all of them read it from the page cache, and the runs take turns (round after
round, each contender once) so that other work on the machine slows them alike.

Writes bench/results/redact-results.json, which bench/report.mjs turns into a section of BENCHMARKS.md
(`node bench/redact-section.mjs` prints that section alone).
Usage: python3 bench/redact.py [--bytes N] [--runs N]   (make bench runs it with the defaults)
"""
import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, 'target', 'release')
SED_SCRIPT = os.path.join(ROOT, 'bench', 'redact.sed')
GENERATOR = os.path.join(ROOT, 'bench', 'regex-redact', 'src', 'bin', 'gen-log.rs')


def generate(path, size):
    """The log, generated again only when the size or the generator changed."""
    with open(GENERATOR, 'rb') as f:
        stamp = '%d %s' % (size, hashlib.sha256(f.read()).hexdigest())
    stamp_path = path + '.stamp'
    if os.path.exists(path) and os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return
    print(f'generating {size:,} bytes of log in {path} ...', file=sys.stderr)
    with open(path, 'wb') as out:
        subprocess.run([os.path.join(BIN, 'gen-log'), str(size)], stdout=out, check=True)
    with open(stamp_path, 'w') as f:
        f.write(stamp)


def sed_argv(path):
    # The C locale: bytes, as the other two read them (and much faster than a UTF-8 locale).
    return ['env', 'LC_ALL=C', 'sed', '-E', '-f', SED_SCRIPT, path]


def digest(argv):
    """SHA-256 of what argv prints, and its byte count."""
    h, n = hashlib.sha256(), 0
    with subprocess.Popen(argv, stdout=subprocess.PIPE) as p:
        while chunk := p.stdout.read(1 << 20):
            h.update(chunk)
            n += len(chunk)
    if p.returncode != 0:
        sys.exit(f'{argv[0]} failed with status {p.returncode}')
    return h.hexdigest(), n


def compare_lines(tool_argv, other_argv):
    """Lines where the other output differs from the tool's, and how many of those hold a full-width form (a
    0xEF byte, the lead byte of every full-width character), which sed's byte patterns do not cover."""
    lines = differ = full_width = 0
    examples = []
    with subprocess.Popen(tool_argv, stdout=subprocess.PIPE) as a, subprocess.Popen(other_argv, stdout=subprocess.PIPE) as b:
        for x, y in zip(a.stdout, b.stdout):
            lines += 1
            if x != y:
                differ += 1
                if b'\xef' in x:
                    full_width += 1
                elif len(examples) < 3:
                    examples.append((x[-120:].decode('utf-8', 'replace'), y[-120:].decode('utf-8', 'replace')))
        extra = a.stdout.read() + b.stdout.read()
    if extra:
        differ += 1
    return {'lines': lines, 'differ': differ, 'differ_full_width': full_width, 'examples': examples}


def timed_once(argv):
    """Wall-clock and CPU seconds (user + system) of one run of argv on core 0, output to /dev/null."""
    pin = ['taskset', '-c', '0'] if shutil.which('taskset') else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(pin + argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f'{argv[0]} failed with status {result.returncode}')
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--bytes', type=int, default=1_100_000_000)
    parser.add_argument('--runs', type=int, default=5)
    args = parser.parse_args()

    # The release profile, as `cargo install --path cli` builds the tool (opt-level 3: the block test is vectorised).
    subprocess.run(['cargo', 'build', '--quiet', '--release', '-p', 'pccc-guard-cli', '-p', 'pccc-guard-regex-redact'],
                   cwd=ROOT, check=True)
    directory = os.path.join(ROOT, 'target', 'bench-redact')
    os.makedirs(directory, exist_ok=True)
    log = os.path.join(directory, 'app.log')
    generate(log, args.bytes)
    size = os.path.getsize(log)
    with open(log, 'rb') as f:
        while f.read(1 << 24):
            pass
    lines = sum(1 for _ in open(log, 'rb'))

    tool = [os.path.join(BIN, 'pccc-guard'), 'redact', log]
    regex = [os.path.join(BIN, 'regex-redact'), log]

    print('checking what each finds ...', file=sys.stderr)
    counts = subprocess.run([os.path.join(BIN, 'pccc-guard'), 'redact', '--count', log], capture_output=True,
                            text=True, check=True).stdout
    counts = {kind: int(n) for kind, n in (line.split('\t') for line in counts.splitlines())}
    ranges = json.loads(subprocess.run([os.path.join(BIN, 'regex-redact'), '--compare', log], capture_output=True,
                                       text=True, check=True).stdout)
    tool_digest, tool_bytes = digest(tool)
    regex_digest, regex_bytes = digest(regex)
    sed = compare_lines(tool, sed_argv(log))
    agreement = {
        'findings': counts,
        'regex_ranges': ranges,
        'regex_output_identical': tool_digest == regex_digest and tool_bytes == regex_bytes,
        'sed': sed,
    }
    print(json.dumps(agreement, ensure_ascii=False), file=sys.stderr)

    contenders = [
        ('`pccc-guard redact`', tool, args.runs),
        ('`regex` crate, same rules (bench/regex-redact)', regex, args.runs),
        ('`sed -E`, ASCII forms (bench/redact.sed)', sed_argv(log), max(1, args.runs // 2)),
    ]
    # Round after round, each contender once, so that whatever else the machine does slows them alike.
    times = [([], []) for _ in contenders]
    for round in range(args.runs):
        for (label, argv, runs), (wall, cpu) in zip(contenders, times):
            if round < runs:
                w, c = timed_once(argv)
                wall.append(w)
                cpu.append(c)
    rows = []
    for (label, argv, runs), (wall, cpu) in zip(contenders, times):
        median = statistics.median(wall)
        rows.append({
            'label': label, 'runs': runs, 'seconds': median, 'fastest': min(wall), 'cpu_seconds': statistics.median(cpu),
            'mb_per_s': size / median / 1e6, 'cpu_mb_per_s': size / statistics.median(cpu) / 1e6,
        })
        print(f'{label}: {median:.3f} s, {size / median / 1e6:,.0f} MB/s', file=sys.stderr)

    results = {
        'date': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()),
        'cpu': platform.processor() or platform.machine(),
        # Other work on the machine slows every contender alike; it is reported, not corrected for.
        'load_average': os.getloadavg()[0],
        'bytes': size,
        'lines': lines,
        'agreement': agreement,
        'rows': rows,
        'vs_regex': rows[1]['seconds'] / rows[0]['seconds'],
        'vs_sed': rows[2]['seconds'] / rows[0]['seconds'],
    }
    with open(os.path.join(ROOT, 'bench', 'results', 'redact-results.json'), 'w') as f:
        json.dump(results, f, indent=2, ensure_ascii=False)
        f.write('\n')
    print('wrote bench/results/redact-results.json', file=sys.stderr)


if __name__ == '__main__':
    main()
