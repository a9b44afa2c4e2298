"""Dependency audit: pip-audit over the installed environment (the project itself skipped).

Policy:
- Any known vulnerability fails CI, also one with no fixed version yet. Then upgrade, replace
  the package, or add its advisory id to IGNORED with the reason it cannot affect this site.
- A package the service could not look up fails CI too: a gap is not a pass.
- If no vulnerability service answers at all (a network that blocks them; the per-version
  PyPI JSON API and api.osv.dev are both unreachable on the development machines), the
  audit says so loudly and passes, unless RESCOM_AUDIT_REQUIRED=1 (set it where CI has the
  network), which makes an unreachable service a failure.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# advisory id -> why it does not apply here. Empty: nothing is ignored.
IGNORED: dict[str, str] = {}
SERVICES = ("pypi", "osv")


def audit(service: str) -> dict | None:
    """pip-audit's JSON report, or None when the service could not be reached."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        command = [
            sys.executable, "-m", "pip_audit", "--skip-editable", "--progress-spinner", "off",
            "--vulnerability-service", service, "--format", "json", "--output", str(report),
            *(arg for advisory in IGNORED for arg in ("--ignore-vuln", advisory)),
        ]  # fmt: skip
        subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)  # noqa: S603 (fixed arguments)
        if not report.exists() or not report.read_text().strip():
            return None
        data = json.loads(report.read_text())
    if not any("skip_reason" not in dep for dep in data["dependencies"]):
        return None  # every lookup failed: the service is not answering
    return data


def main() -> int:
    for service in SERVICES:
        data = audit(service)
        if data is None:
            print(f"pip-audit: the {service} vulnerability service did not answer")
            continue
        deps = data["dependencies"]
        vulnerable = [(dep, vuln) for dep in deps for vuln in dep.get("vulns", [])]
        skipped = [dep for dep in deps if "skip_reason" in dep]
        for dep, vuln in vulnerable:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            print(f"VULNERABLE {dep['name']} {dep['version']}: {vuln['id']} (fixed in: {fixed})")
        for dep in skipped:
            print(f"NOT AUDITED {dep['name']}: {dep['skip_reason']}")
        audited = len(deps) - len(skipped)
        print(
            f"pip-audit ({service}): {audited} packages audited, {len(vulnerable)} known vulnerabilities"
        )
        return 1 if vulnerable or skipped else 0
    print("WARNING: dependency audit NOT RUN: no vulnerability service reachable from here.")
    return 1 if os.environ.get("RESCOM_AUDIT_REQUIRED") == "1" else 0


if __name__ == "__main__":
    sys.exit(main())
