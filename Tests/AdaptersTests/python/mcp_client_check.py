"""Drives the trackcodes MCP server with the official Python MCP SDK client.

Run by AdaptersTests (PythonClientTests.swift) against a server it started over an
in-process sandbox, or by hand:

    python3 mcp_client_check.py --mode legacy --url http://127.0.0.1:9090/mcp --label http
    python3 mcp_client_check.py --mode auto --command trackcodes mcp --demo --label stdio

--mode legacy speaks 2025-11-25 (initialize handshake); --mode auto probes server/discover
and must end up on 2026-07-28. Exits 0 when every check passes; prints what failed otherwise.
"""

import argparse
import asyncio
import sys

from mcp import Client, MCPError, StdioServerParameters
from mcp.client.stdio import get_default_environment

SITE = "acme.webex.com"
USER = "wang.fang@acme.example.com"
TOOLS = {
    "list-tracking-codes",
    "create-tracking-code",
    "get-tracking-code",
    "update-tracking-code",
    "delete-tracking-code",
    "get-user-tracking-codes",
    "update-user-tracking-codes",
}
EXPECTED_VERSION = {"legacy": "2025-11-25", "auto": "2026-07-28", "2026-07-28": "2026-07-28"}


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print(f"ok: {what}")


def text_of(result):
    return " ".join(block.text for block in result.content if getattr(block, "type", "") == "text")


async def check_tools(client):
    listed = await client.list_tools()
    tools = {tool.name: tool for tool in listed.tools}
    check(set(tools) == TOOLS, f"the seven tools are listed (got {sorted(tools)})")

    for name in ("list-tracking-codes", "get-tracking-code", "get-user-tracking-codes"):
        hints = tools[name].annotations
        check(hints.read_only_hint is True and hints.idempotent_hint is True, f"{name} is read-only and idempotent")
    check(tools["create-tracking-code"].annotations.idempotent_hint is False, "create is not idempotent")
    for name in ("update-tracking-code", "update-user-tracking-codes"):
        check(tools[name].annotations.idempotent_hint is True, f"{name} is idempotent")
    delete = tools["delete-tracking-code"].annotations
    check(delete.destructive_hint is True and delete.idempotent_hint is True, "delete is destructive and idempotent")
    check(all(tool.annotations.open_world_hint is not None for tool in tools.values()), "openWorldHint is set on all")

    create_schema = tools["create-tracking-code"].input_schema
    properties = create_schema["properties"]
    check(properties["inputMode"]["enum"] == ["text", "select", "editableSelect", "hostProfileSelect"],
          "create's inputMode carries the enum")
    check(properties["hostProfileCode"]["enum"] == ["optional", "required", "adminSet", "notUsed"],
          "create's hostProfileCode carries the enum")
    check(properties["name"]["maxLength"] == 120, "create's name carries its limit")
    check("dryRun" in properties, "write tools take dryRun")
    check(all(tool.output_schema and tool.output_schema.get("type") == "object" for tool in tools.values()),
          "every tool has an object outputSchema")
    return tools


async def check_calls(client, label):
    listed = await client.call_tool("list-tracking-codes", {"siteUrl": SITE})
    items = listed.structured_content["items"]
    check(not listed.is_error and len(items) > 0, f"list-tracking-codes returns {len(items)} codes")

    one = await client.call_tool("get-tracking-code", {"id": "2", "siteUrl": SITE})
    check(one.structured_content["name"] == "Division", "get-tracking-code returns code 2")
    option = one.structured_content["options"][-1]["value"]

    name = f"Python {label}"
    schedule = [{"service": "All", "type": "optional"}]
    created = await client.call_tool("create-tracking-code", {
        "siteUrl": SITE, "name": name, "inputMode": "text", "hostProfileCode": "optional",
        "scheduleStartCodes": schedule,
    })
    check(not created.is_error, f"create-tracking-code creates '{name}': {text_of(created)[:200]}")
    new_id = created.structured_content["id"]

    updated = await client.call_tool("update-tracking-code", {
        "id": new_id, "siteUrl": SITE, "name": name + " renamed", "inputMode": "text",
        "hostProfileCode": "optional", "options": [], "scheduleStartCodes": schedule,
    })
    check(updated.structured_content["name"] == name + " renamed", "update-tracking-code replaces it")

    preview = await client.call_tool("delete-tracking-code", {"id": new_id, "siteUrl": SITE, "dryRun": True})
    request = preview.structured_content["request"]
    check(request["method"] == "DELETE" and request["headers"]["Authorization"] == "Bearer <redacted>",
          "dryRun shows the DELETE with the token redacted")
    still_there = await client.call_tool("get-tracking-code", {"id": new_id, "siteUrl": SITE})
    check(not still_there.is_error, "dryRun deleted nothing")

    deleted = await client.call_tool("delete-tracking-code", {"id": new_id, "siteUrl": SITE})
    check(deleted.structured_content["deleted"] is True, "delete-tracking-code deletes it")
    gone = await client.call_tool("get-tracking-code", {"id": new_id, "siteUrl": SITE})
    check(gone.is_error and "404" in text_of(gone), "the deleted code is a 404 tool error")

    user = await client.call_tool("get-user-tracking-codes", {"email": USER, "siteUrl": SITE})
    check(user.structured_content["email"] == USER, "get-user-tracking-codes returns the user")

    assigned = await client.call_tool("update-user-tracking-codes", {
        "siteUrl": SITE, "email": USER, "trackingCodes": [{"name": "Division", "value": option}],
    })
    values = {item["name"]: item["value"] for item in assigned.structured_content["trackingCodes"]}
    check(values.get("Division") == option, "update-user-tracking-codes sets Division")


async def check_failures(client):
    refused = await client.call_tool("create-tracking-code", {
        "siteUrl": SITE, "name": "Needs options", "inputMode": "select", "hostProfileCode": "optional",
        "scheduleStartCodes": [{"service": "All", "type": "optional"}],
    })
    message = text_of(refused)
    check(refused.is_error and "'options' cannot be empty" in message, "a refused change is an isError result")

    not_option = await client.call_tool("update-user-tracking-codes", {
        "siteUrl": SITE, "email": USER, "trackingCodes": [{"name": "Department", "value": "No such option"}],
    })
    check(not_option.is_error and "is not one of the options" in text_of(not_option),
          "a value that is not an option is an isError result")

    try:
        await client.call_tool("no-such-tool", {})
    except MCPError as error:
        check(error.code == -32602, f"an unknown tool is JSON-RPC error -32602 ({error})")
    else:
        raise AssertionError("an unknown tool did not raise a JSON-RPC error")


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["legacy", "auto", "2026-07-28"], required=True)
    parser.add_argument("--label", required=True, help="distinguishes names this run creates")
    parser.add_argument("--state-dir", help="XDG state and config home for a spawned server (keeps its journal out of ~)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url")
    target.add_argument("--command", nargs=argparse.REMAINDER)
    args = parser.parse_args()

    if args.url:
        server = args.url
    else:
        environment = get_default_environment()
        if args.state_dir:
            environment["XDG_STATE_HOME"] = args.state_dir + "/state"
            environment["XDG_CONFIG_HOME"] = args.state_dir + "/config"
        server = StdioServerParameters(command=args.command[0], args=args.command[1:], env=environment)

    async with Client(server, mode=args.mode, read_timeout_seconds=30) as client:
        expected = EXPECTED_VERSION[args.mode]
        check(client.protocol_version == expected, f"negotiated {client.protocol_version} (want {expected})")
        await check_tools(client)
        await check_calls(client, args.label)
        await check_failures(client)
    print("all checks passed")


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
