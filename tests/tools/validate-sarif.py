#!/usr/bin/env python3
"""validate-sarif.py SCHEMA FILE...: check SARIF files against the SARIF 2.1.0
JSON schema, offline (no $ref or $schema URL is ever fetched), plus what the
schema cannot say: every result's ruleIndex points at its ruleId, regions end
after they start, and partialFingerprints are unique. Exit 1 on a failure."""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    failed = 0
    for path in sys.argv[2:]:
        doc = json.load(open(path, encoding="utf-8"))
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:10]:
            print(f"FAIL {path}: {'/'.join(map(str, e.path))}: {e.message}")
        failed += bool(errors)
        seen = set()
        for run in doc["runs"]:
            rules = run["tool"]["driver"]["rules"]
            for r in run["results"]:
                if rules[r["ruleIndex"]]["id"] != r["ruleId"]:
                    print(f"FAIL {path}: ruleIndex {r['ruleIndex']} is not {r['ruleId']}")
                    failed += 1
                reg = r["locations"][0]["physicalLocation"]["region"]
                if (reg["endLine"], reg["endColumn"]) < (reg["startLine"], reg["startColumn"]):
                    print(f"FAIL {path}: region ends before it starts: {reg}")
                    failed += 1
                fp = r["partialFingerprints"]["aipmLint/v1"]
                if fp in seen:
                    print(f"FAIL {path}: duplicate fingerprint {fp}")
                    failed += 1
                seen.add(fp)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
