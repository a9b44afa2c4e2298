"""One site in-process for `benchmarks.web.cpu`: reads "<path> <n>" lines, answers CPU ms each.

Run with the site's directory as working directory and its settings in the environment.
"""

import sys
import time

sys.path.insert(0, ".")

import django

django.setup()

from django.test import Client  # noqa: E402


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    print("ready", flush=True)
    for line in sys.stdin:
        path, count = line.rsplit(" ", 1)
        statuses = set()
        start = time.process_time()
        for _ in range(int(count)):
            statuses.add(client.get(path).status_code)
        spent = (time.process_time() - start) / int(count) * 1000
        print(f"{spent} {','.join(map(str, sorted(statuses)))}", flush=True)


if __name__ == "__main__":
    main()
