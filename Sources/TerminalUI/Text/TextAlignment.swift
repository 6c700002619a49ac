/// Where text sits inside a wider column.
public enum TextAlignment: Sendable, Hashable {
    case leading
    case trailing
    case center
}
