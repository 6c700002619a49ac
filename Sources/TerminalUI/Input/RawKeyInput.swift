/// One `wget_wch` result, kept undecoded until the whole burst it came in has been read.
public struct RawKeyInput: Hashable, Sendable {
    /// `OK` for a character, `KEY_CODE_YES` for a function key code.
    public var status: Int32
    /// The wide character or key code `wget_wch` stored.
    public var value: UInt32

    public init(status: Int32, value: UInt32) {
        self.status = status
        self.value = value
    }
}
