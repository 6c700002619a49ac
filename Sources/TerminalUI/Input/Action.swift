/// A named thing a key can do, such as `moveDown` or `filter`. Screens define their own
/// actions beside these shared ones: `Action("deleteMarked")`.
public struct Action: Hashable, Sendable, RawRepresentable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    public static let moveUp = Action("moveUp")
    public static let moveDown = Action("moveDown")
    public static let pageUp = Action("pageUp")
    public static let pageDown = Action("pageDown")
    public static let halfPageUp = Action("halfPageUp")
    public static let halfPageDown = Action("halfPageDown")
    public static let top = Action("top")
    public static let bottom = Action("bottom")
    public static let nextPane = Action("nextPane")
    public static let previousPane = Action("previousPane")
    public static let back = Action("back")
    public static let filter = Action("filter")
    public static let help = Action("help")
    public static let quit = Action("quit")
}
