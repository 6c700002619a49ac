/// # Adapters: the REST adapter and the MCP server over trackcodes' core
///
/// ## Entry points (called by the CLI)
///
/// - `runServe(options:session:log:shutdown:)`: `trackcodes serve`. The REST adapter and the
///   MCP Streamable HTTP endpoint (`/mcp`), each on its own port, until SIGINT or SIGTERM.
///   Binds 127.0.0.1 unless `ServeOptions.listenHost` says otherwise; anything else needs
///   `accessToken` (checked as a bearer token, in constant time) and prints a warning.
/// - `runMCPStdio(session:readOnly:input:output:log:shutdown:)`: `trackcodes mcp`.
///   Newline-delimited JSON-RPC on stdin/stdout until the input ends or a signal arrives;
///   logs go to stderr.
///
/// ## Shape
///
/// - **`TrackingCodeOperations`** is what both adapters call: it refuses what the TUI's editor
///   refuses (`TrackingCodeRules`, plus the site's codes for user values) and hands the call
///   to a `TrackingCodeService`. In the program that is `JournaledTrackingCodeService`: reads
///   go straight to Webex; writes go through the core `Session`'s `JournaledWriter`, so the
///   journal, the read-only sites and the learned mapped sites are the TUI's own.
/// - **`RESTAdapter`** serves Webex's paths below `/v1` with Webex's JSON: reads pass Webex's
///   bytes through, writes answer with the object the journaled writer got back, Webex's
///   errors pass through, and `/openapi.json` (built from `WebexSchemas`) and `/healthz`
///   describe and report the server.
/// - **`MCPServer`** is the protocol core for both transports and both revisions: 2025-11-25
///   (initialize handshake) and 2026-07-28 (stateless `_meta` envelope, `server/discover`,
///   `resultType`). `MCPHTTPEndpoint` adds the Streamable HTTP rules; `MCPStdioServer` the
///   stdio framing. Seven tools (`MCPToolCatalog`) run through `MCPToolRunner`.
///
/// ## Known limits
///
/// - The MCP server keeps no per-connection state: the era is chosen per request (the spec
///   lets a dual-era server serve both at once), no HTTP session id is minted, and every HTTP
///   answer is one JSON object, never an event stream (nothing runs long or notifies).
/// - No tool declares `x-mcp-header`, so no `Mcp-Param-*` header is expected or checked.
/// - Update and delete read the code first, because the journal keeps the object as it was.
///   An unknown id on PUT is therefore Webex's 404 from that read, not the 400 Webex
///   documents for the PUT itself.
/// - Write answers are re-encoded from the writer's typed result, so a field newer than this
///   program is dropped from them (reads keep it).
/// - A dry run sends nothing at all, so for user values it cannot check that each name is a
///   code of the site or that a select code gets one of its options; the result says so.
public enum Adapters {}
