/// A positional argument a command takes, such as the `ID` of `codes get ID`.
public struct PositionalSpec: Sendable, Hashable {
    /// How many words the argument takes.
    public enum Count: Sendable, Hashable {
        case one
        case optional
        case oneOrMore
        case zeroOrMore

        var minimum: Int { self == .one || self == .oneOrMore ? 1 : 0 }
        var maximum: Int? { self == .one || self == .optional ? 1 : nil }
    }

    /// Upper case, as the help shows it: `ID`.
    public let name: String
    public let count: Count
    public let help: String

    public init(_ name: String, count: Count = .one, help: String) {
        self.name = name
        self.count = count
        self.help = help
    }

    /// `ID`, `[ID]`, `ID...` or `[ID...]`, as in a usage line.
    var usage: String {
        switch count {
        case .one: name
        case .optional: "[\(name)]"
        case .oneOrMore: "\(name)..."
        case .zeroOrMore: "[\(name)...]"
        }
    }
}
