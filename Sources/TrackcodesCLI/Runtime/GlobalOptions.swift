/// The options every command accepts, before or after the command name.
public enum GlobalOptions {
    public static let demo = Flag(
        "demo", help: "Use the built-in sandbox with demo data; no account or network needed")
    public static let baseURL = SingleOption(
        "base-url", value: "URL",
        help: "API base URL (default: $WEBEX_BASE_URL, else https://webexapis.com/v1)")
    public static let tokenFile = SingleOption(
        "token-file", value: "PATH",
        help: "Read the access token from PATH, a file only you can read (default: $WEBEX_API_KEY)")
    public static let readOnly = Flag("read-only", help: "Refuse every change; reads still work")
    public static let json = Flag("json", help: "Print the API's JSON as it came instead of tables")
    public static let noColor = Flag("no-color", help: "No bold or colour (also when NO_COLOR is set)")

    static let all: [OptionSpec] = [
        demo.spec, baseURL.spec, tokenFile.spec, readOnly.spec, json.spec, noColor.spec,
    ]
}
