#!/usr/bin/env python3
"""Throughput of the pccc-guard command-line tool against what a merchant would otherwise use, side by side in one
run: `check` in line mode and `check --csv` on generated files of stored orders (UTF-8, and the same orders in CP949
as Korean Excel saves them), the annotated copy (`--annotate`) and several fields per row (`--columns`), a Python
script with the standard csv module and the naive regex (reading UTF-8, and CP949 through Python's codec), and
`grep -cE`. Every contender is pinned to one core (taskset -c 0) and writes to
/dev/null; the files are read once first so that all of them come from the page cache.

Writes bench/results/cli-results.json, which bench/report.mjs turns into a section of BENCHMARKS.md.
Usage: python3 bench/cli.py [--records N] [--runs N]   (make bench runs it with the defaults)
"""
import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMES = ['홍길동', '김구', '이순신', 'Hong Gildong', '남궁민수', 'John Smith', 'Mary-Jane O\'Neil']

# The yardstick a merchant would write: the csv module, strip and upper-case, and the naive regex. It prints one
# line per record (row number and valid/invalid), as `pccc-guard check` does.
PYTHON_CSV = r'''
import csv, re, sys
naive = re.compile(r'^P\d{12}$')
out = sys.stdout
with open(sys.argv[1], newline='', encoding=sys.argv[2] if len(sys.argv) > 2 else 'utf-8') as f:
    rows = csv.reader(f)
    column = next(rows).index('pccc')
    for number, row in enumerate(rows, start=2):
        ok = naive.match(row[column].strip().upper()) is not None
        out.write('%d\t%s\n' % (number, 'valid' if ok else 'invalid'))
'''
PYTHON_LINES = r'''
import re, sys
naive = re.compile(r'^P\d{12}$')
out = sys.stdout
with open(sys.argv[1], encoding='utf-8') as f:
    for number, line in enumerate(f, start=1):
        ok = naive.match(line.strip().upper()) is not None
        out.write('%d\t%s\n' % (number, 'valid' if ok else 'invalid'))
'''


def generate(directory, records):
    """Stored orders: 98.8% canonical codes, 1% with a digit missing, 0.2% typed in lower case. The CSV file again
    in CP949 (orders-cp949.csv), as Korean Excel saves "CSV (쉼표로 분리)"."""
    csv_path = os.path.join(directory, 'orders.csv')
    lines_path = os.path.join(directory, 'codes.txt')
    cp949_path = os.path.join(directory, 'orders-cp949.csv')
    stamp = os.path.join(directory, 'records')
    if os.path.exists(stamp) and open(stamp).read() == str(records) and os.path.exists(cp949_path):
        return csv_path, lines_path, cp949_path
    rnd = random.Random(42)
    with open(csv_path, 'w', encoding='utf-8', newline='') as orders, open(lines_path, 'w') as codes:
        orders.write('order_id,name,pccc,phone,postcode\n')
        batch_csv, batch_lines = [], []
        for i in range(records):
            code = 'P%012d' % rnd.randrange(10**12)
            r = rnd.random()
            if r < 0.01:
                code = code[:-1]
            elif r < 0.012:
                code = code.lower()
            batch_csv.append('%d,%s,%s,010%08d,%05d\n' % (
                i + 1, NAMES[i % len(NAMES)], code, rnd.randrange(10**8), 1000 + rnd.randrange(62000)))
            batch_lines.append(code + '\n')
            if len(batch_csv) >= 100_000:
                orders.write(''.join(batch_csv))
                codes.write(''.join(batch_lines))
                batch_csv, batch_lines = [], []
        orders.write(''.join(batch_csv))
        codes.write(''.join(batch_lines))
    with open(csv_path, encoding='utf-8', newline='') as source, open(cp949_path, 'w', encoding='cp949', newline='') as out:
        while True:
            block = source.read(1 << 24)
            if not block:
                break
            out.write(block)
    with open(stamp, 'w') as f:
        f.write(str(records))
    return csv_path, lines_path, cp949_path


def timed(argv, runs):
    """Wall-clock seconds of `runs` runs of argv on core 0, output to /dev/null."""
    pin = ['taskset', '-c', '0'] if shutil.which('taskset') else []
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        # GNU grep stops at the first match when its output is /dev/null, so it writes (its one number) to a pipe.
        out = subprocess.PIPE if argv[0] == 'grep' else subprocess.DEVNULL
        result = subprocess.run(pin + argv, stdout=out, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            sys.exit(f'{argv[0]} failed with status {result.returncode}')
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--records', type=int, default=10_000_000)
    parser.add_argument('--runs', type=int, default=5)
    args = parser.parse_args()

    subprocess.run(['cargo', 'build', '--quiet', '--release', '-p', 'pccc-guard-cli'], cwd=ROOT, check=True)
    tool = os.path.join(ROOT, 'target', 'release', 'pccc-guard')
    directory = os.path.join(ROOT, 'target', 'bench-cli')
    os.makedirs(directory, exist_ok=True)
    print(f'generating {args.records:,} orders in {directory} ...', file=sys.stderr)
    csv_path, lines_path, cp949_path = generate(directory, args.records)
    scripts = {}
    for name, text in (('naive_csv.py', PYTHON_CSV), ('naive_lines.py', PYTHON_LINES)):
        scripts[name] = os.path.join(directory, name)
        with open(scripts[name], 'w') as f:
            f.write(text)
    for path in (csv_path, lines_path, cp949_path):
        with open(path, 'rb') as f:
            while f.read(1 << 24):
                pass

    contenders = [
        # (label, input kind, argv)
        ('`pccc-guard check --csv --column pccc`', 'csv', [tool, 'check', '--csv', '--column', 'pccc', csv_path]),
        ('`pccc-guard check --csv --column pccc --only-invalid`', 'csv',
         [tool, 'check', '--csv', '--column', 'pccc', '--only-invalid', csv_path]),
        ('Python `csv` module + naive regex', 'csv', [sys.executable, scripts['naive_csv.py'], csv_path]),
        ('`pccc-guard check --csv --encoding cp949 --column pccc`', 'cp949',
         [tool, 'check', '--csv', '--encoding', 'cp949', '--column', 'pccc', cp949_path]),
        ('Python `csv` module + naive regex, reading CP949', 'cp949',
         [sys.executable, scripts['naive_csv.py'], cp949_path, 'cp949']),
        ('`pccc-guard check --annotate --column pccc`', 'csv', [tool, 'check', '--annotate', '--column', 'pccc', csv_path]),
        ('`pccc-guard check --annotate --encoding cp949 --column pccc`', 'cp949',
         [tool, 'check', '--annotate', '--encoding', 'cp949', '--column', 'pccc', cp949_path]),
        ('`pccc-guard check --columns pccc,phone,postcode,name`', 'csv',
         [tool, 'check', '--columns', 'pccc,phone,postcode,name', csv_path]),
        ('`pccc-guard check` (line mode)', 'lines', [tool, 'check', lines_path]),
        ('`pccc-guard check --only-invalid` (line mode)', 'lines', [tool, 'check', '--only-invalid', lines_path]),
        ("`grep -cE '^P[0-9]{12}$'`", 'lines', ['grep', '-cE', '^P[0-9]{12}$', lines_path]),
        ('Python, line by line + naive regex', 'lines', [sys.executable, scripts['naive_lines.py'], lines_path]),
    ]
    sizes = {
        'csv': os.path.getsize(csv_path), 'lines': os.path.getsize(lines_path), 'cp949': os.path.getsize(cp949_path),
    }
    rows = []
    for label, kind, argv in contenders:
        runs = args.runs if 'python' not in argv[0].lower() and argv[0] != sys.executable else max(1, args.runs // 2)
        times = timed(argv, runs)
        median = statistics.median(times)
        rows.append({
            'label': label, 'input': kind, 'runs': len(times), 'seconds': median, 'fastest': min(times),
            'mb_per_s': sizes[kind] / median / 1e6, 'records_per_s': args.records / median,
        })
        print(f'{label}: {median:.3f} s, {sizes[kind] / median / 1e6:,.0f} MB/s', file=sys.stderr)

    def seconds(label):
        return next(r['seconds'] for r in rows if r['label'] == label)

    py_csv = seconds('Python `csv` module + naive regex')
    results = {
        'date': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()),
        'cpu': platform.processor() or platform.machine(),
        # Other work on the machine slows every contender alike; it is reported, not corrected for.
        'load_average': os.getloadavg()[0],
        'records': args.records,
        'bytes': sizes,
        'rows': rows,
        'csv_vs_python': py_csv / seconds('`pccc-guard check --csv --column pccc`'),
        'lines_vs_grep': seconds("`grep -cE '^P[0-9]{12}$'`") / seconds('`pccc-guard check` (line mode)'),
        'cp949_vs_python': seconds('Python `csv` module + naive regex, reading CP949')
        / seconds('`pccc-guard check --csv --encoding cp949 --column pccc`'),
        'annotate_vs_python': py_csv / seconds('`pccc-guard check --annotate --column pccc`'),
    }
    with open(os.path.join(ROOT, 'bench', 'results', 'cli-results.json'), 'w') as f:
        json.dump(results, f, indent=2)
        f.write('\n')
    print('wrote bench/results/cli-results.json', file=sys.stderr)


if __name__ == '__main__':
    main()
