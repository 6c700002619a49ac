/// The eight ANSI colours plus the terminal's own default, which keeps the user's background
/// (and transparency) when the terminal supports `use_default_colors`.
public enum TerminalColor: Int, Hashable, Sendable, CaseIterable {
    case `default` = -1
    case black = 0
    case red
    case green
    case yellow
    case blue
    case magenta
    case cyan
    case white
}
