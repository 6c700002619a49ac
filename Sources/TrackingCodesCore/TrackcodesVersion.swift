/// The version of trackcodes: the one place it is written, read by `trackcodes --version`,
/// the command line's help and the MCP server's `serverInfo`.
public enum TrackcodesVersion {
    public static let current = "1.0.0"
}
