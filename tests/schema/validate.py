#!/usr/bin/env python3
"""Validates uprx outputs against the uprx/1 JSON Schema (draft 2020-12).

Usage: validate.py SCHEMA FILE...                  every FILE must validate
       validate.py --expect-invalid SCHEMA FILE...   every FILE must fail (negative checks)
       validate.py --make-broken FILE DIR            writes broken copies of FILE into DIR

A FILE ending in .jsonl holds one recommendation per line with its review's keys
(state_under_review, cycle, wg_session, year): each line is checked as a recommendation of the
schema plus those review keys. Prints one line per file; exits 0 when every file behaved as
expected, 1 otherwise, 2 on a usage error or when jsonschema is missing.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate.py: python3-jsonschema is not installed (apt-get install python3-jsonschema)",
          file=sys.stderr)
    sys.exit(2)

REVIEW_KEYS = ("state_under_review", "cycle", "wg_session", "year")


def jsonl_line_schema(schema):
    """The schema of one JSONL line: a recommendation and its review's keys, nothing else.

    Built from the uprx/1 schema itself so that the two formats cannot drift apart.
    """
    defs = schema["$defs"]
    rec = defs["recommendation"]
    review_props = defs["review"]["properties"]
    props = {k: review_props[k] for k in REVIEW_KEYS}
    props.update(rec["properties"])
    return {
        "$schema": schema["$schema"],
        "$defs": defs,
        "type": "object",
        "required": list(REVIEW_KEYS) + rec["required"],
        "additionalProperties": False,
        "properties": props,
    }


def errors_of(validator, instance, where):
    out = []
    for e in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in e.absolute_path)
        out.append(f"{where}/{path}: {e.message}")
    return out


def check_file(path, doc_validator, line_validator):
    """The schema violations in one file (empty when it validates)."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        return [f"{path}: cannot read ({e})"]
    try:
        if not path.endswith(".jsonl"):
            return errors_of(doc_validator, json.loads(text), path)
        found = []
        lines = text.splitlines()
        if not lines:
            return [f"{path}: no lines"]
        for n, line in enumerate(lines, 1):
            found += errors_of(line_validator, json.loads(line), f"{path}:{n}")
        return found
    except json.JSONDecodeError as e:
        return [f"{path}: not JSON ({e})"]


# Regressions the schema must catch, each applied to the first recommendation of a valid file.
BREAKS = {
    "missing_id": lambda r: r.pop("id"),
    "position_outside_enum": lambda r: r["position"].update(value="accepted"),
    "renamed_key": lambda r: r.update(recommending_state=r.pop("recommending_states")),
    "labels_empty_list": lambda r: r.update(labels=[]),
    "state_without_segment": lambda r: r["recommending_states"][0].pop("segment"),
    "history_not_positions": lambda r: r.update(position_history=["pending"]),
}


def make_broken(src, out_dir):
    """Writes one copy of `src` per entry of BREAKS (so the negative check can fail)."""
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    for name, brk in BREAKS.items():
        broken = json.loads(json.dumps(doc))
        brk(broken["reviews"][0]["recommendations"][0])
        with open(f"{out_dir}/broken-{name}.json", "w", encoding="utf-8") as f:
            json.dump(broken, f, indent=2)
    # A JSONL line without its review's cycle, and one whose recommendation lacks its id.
    review = doc["reviews"][0]
    line = {k: review[k] for k in REVIEW_KEYS}
    line.update(review["recommendations"][0])
    for name, drop in (("missing_cycle", "cycle"), ("missing_id", "id")):
        broken = {k: v for k, v in line.items() if k != drop}
        with open(f"{out_dir}/broken-line-{name}.jsonl", "w", encoding="utf-8") as f:
            f.write(json.dumps(line) + "\n" + json.dumps(broken) + "\n")
    return 0


def main(argv):
    if argv[:1] == ["--make-broken"] and len(argv) == 3:
        return make_broken(argv[1], argv[2])
    expect_invalid = "--expect-invalid" in argv
    args = [a for a in argv if a != "--expect-invalid"]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    doc_validator = cls(schema)
    line_validator = cls(jsonl_line_schema(schema))
    ok = True
    for path in args[1:]:
        found = check_file(path, doc_validator, line_validator)
        if expect_invalid:
            if found:
                print(f"ok (rejected as expected): {path}: {found[0]}")
            else:
                print(f"FAIL: {path} validates but must not")
                ok = False
        elif found:
            ok = False
            print(f"FAIL: {path}: {len(found)} violation(s)")
            for line in found[:20]:
                print("  " + line)
        else:
            print(f"ok: {path}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
