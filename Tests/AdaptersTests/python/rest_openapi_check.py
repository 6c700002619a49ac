"""Checks the REST adapter against its own OpenAPI description.

    python3 rest_openapi_check.py http://127.0.0.1:8080

The document at /openapi.json must be valid OpenAPI 3.0, and real answers of the adapter
(successes and Webex-shaped errors) must validate against the schemas it declares for them.
Exits 0 when every check passes.
"""

import json
import sys
import urllib.request
from urllib.error import HTTPError

from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

CODES = "/v1/admin/meeting/config/trackingcodes"
USERS = "/v1/admin/meeting/userconfig/trackingcodes"
SITE = "acme.webex.com"


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print(f"ok: {what}")


def call(base, method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=30) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except HTTPError as error:
        raw = error.read()
        return error.code, json.loads(raw) if raw else None


def main():
    base = sys.argv[1].rstrip("/")
    status, document = call(base, "GET", "/openapi.json")
    check(status == 200, "GET /openapi.json answers 200")
    validate(document)
    print("ok: the document is valid OpenAPI 3.0")

    def schema_of(path, method, status_code):
        response = document["paths"][path][method]["responses"][str(status_code)]
        schema = response["content"]["application/json"]["schema"]
        # Resolve within the document: components are referenced, not inlined.
        return {**schema, "components": document["components"]}

    def conforms(path, method, answer_status, body, what):
        validator = OAS30Validator(schema_of(path, method, answer_status))
        errors = sorted(validator.iter_errors(body), key=str)
        check(not errors, f"{what} ({answer_status}) matches its schema" + (f": {errors[0]}" if errors else ""))

    status, body = call(base, "GET", f"{CODES}?siteUrl={SITE}")
    conforms(CODES, "get", status, body, "list")

    status, body = call(base, "GET", f"{CODES}/1")
    conforms(CODES + "/{trackingCodeId}", "get", status, body, "get")

    draft = {
        "name": "OpenAPI Probe", "siteUrl": SITE, "inputMode": "select",
        "options": [{"value": "A", "defaultValue": True}], "hostProfileCode": "optional",
        "scheduleStartCodes": [{"service": "All", "type": "optional"}],
    }
    status, created = call(base, "POST", CODES, draft)
    conforms(CODES, "post", status, created, "create")

    status, body = call(base, "POST", CODES, draft)
    check(status == 409, "creating the same name again is Webex's 409")
    conforms(CODES, "post", status, body, "the 409 error body")

    status, body = call(base, "POST", CODES, {**draft, "name": "x" * 121})
    check(status == 400, "an over-long name is refused with 400")
    conforms(CODES, "post", status, body, "the 400 error body")

    status, body = call(base, "PUT", f"{CODES}/{created['id']}", {**draft, "name": "OpenAPI Probe 2"})
    conforms(CODES + "/{trackingCodeId}", "put", status, body, "update")

    status, body = call(base, "GET", USERS, headers={"email": "wang.fang@acme.example.com"})
    conforms(USERS, "get", status, body, "user codes")

    status, body = call(base, "GET", f"{CODES}/9999")
    conforms(CODES + "/{trackingCodeId}", "get", status, body, "the 404 error body")

    status, _ = call(base, "DELETE", f"{CODES}/{created['id']}?siteUrl={SITE}")
    check(status == 204, "delete answers 204")
    print("all checks passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
