#!/usr/bin/env python3
"""Validates sandbox responses against Cisco's own OpenAPI schemas (test-only tooling).

Input: a JSON file holding a list of {"method", "path", "status", "body"} records, where path is
the OpenAPI path template (e.g. /admin/meeting/config/trackingCodes/{trackingCodeId}).
Success bodies are checked against the operation's documented response schema, made strict
(no property the schema does not name). Error bodies are checked against the error shape that
every documented Webex error example uses. Prints one line per problem; exit 1 if any.
"""
import copy, json, sys, pathlib

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed: pip install jsonschema", file=sys.stderr)
    sys.exit(2)

HERE = pathlib.Path(__file__).resolve()
CANDIDATES = [HERE.parents[2] / "Resources" / "webex-openapi" / "tracking-codes.json",
              HERE.parents[3] / "shared" / "webex-openapi" / "tracking-codes.json"]
spec_path = next((p for p in CANDIDATES if p.exists()), None)
if spec_path is None:
    print("cannot find tracking-codes.json (looked in " + ", ".join(map(str, CANDIDATES)) + ")", file=sys.stderr)
    sys.exit(2)
spec = json.loads(spec_path.read_text())

ERROR_SCHEMA = {
    "type": "object",
    "required": ["message", "trackingId"],
    "additionalProperties": False,
    "properties": {
        "message": {"type": "string", "minLength": 1},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["description"], "additionalProperties": False,
            "properties": {"description": {"type": "string", "minLength": 1}}}},
        "trackingId": {"type": "string", "minLength": 1},
    },
}

def strict(schema):
    """Forbid properties a schema does not name, recursively."""
    schema = copy.deepcopy(schema)
    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                node.setdefault("additionalProperties", False)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(schema)
    return schema

components = strict(spec["components"])

def response_schema(method, path, status):
    operation = spec["paths"].get(path, {}).get(method.lower())
    if operation is None:
        return None, f"{method} {path} is not in the spec"
    response = operation["responses"].get(str(status))
    if response is None:
        return None, f"{method} {path} does not document status {status}"
    content = response.get("content", {})
    for media in content.values():
        if "schema" in media:
            return strict(media["schema"]), None
    return {}, None  # documented without a body schema (e.g. 204)

records = json.loads(pathlib.Path(sys.argv[1]).read_text())
problems, checked = [], 0
for record in records:
    method, path, status, body = record["method"], record["path"], record["status"], record["body"]
    label = f"{method} {path} -> {status}"
    if 200 <= status < 300:
        schema, error = response_schema(method, path, status)
        if error:
            problems.append(f"{label}: {error}")
            continue
        if status == 204:
            if body is not None:
                problems.append(f"{label}: 204 must have no body")
            checked += 1
            continue
        schema = dict(schema, components=components)
    else:
        _, error = response_schema(method, path, status)
        if error:
            problems.append(f"{label}: {error}")
            continue
        schema = ERROR_SCHEMA
    validator = jsonschema.Draft202012Validator(schema)
    for failure in validator.iter_errors(body):
        where = "/".join(str(p) for p in failure.absolute_path) or "(root)"
        problems.append(f"{label}: at {where}: {failure.message}")
    checked += 1

for problem in problems:
    print(problem)
print(f"schema check: {checked} responses checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
