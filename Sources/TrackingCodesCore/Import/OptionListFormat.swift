import WebexAPI

/// A tracking code's options in one readable cell: `*Design|Engineering|Sales`.
///
/// - Options are separated by `|`, in Webex's order.
/// - The default option starts with `*`.
/// - A backslash makes the next `|`, `*` or `\` literal: `Sales\|Marketing` is one option,
///   `\*Star` is an option named `*Star` that is not the default. Every backslash in a value is
///   written doubled, so any value round-trips; a backslash before any other character is kept
///   as typed.
/// - Spaces are part of values: write `Red|Green`, not `Red | Green`.
/// - An empty cell means no options.
public enum OptionListFormat {
    /// The cell for `options`.
    public static func encode(_ options: [TrackingCodeOption]) -> String {
        options.map { option in
            var text = option.defaultValue ? "*" : ""
            for (index, character) in option.value.unicodeScalars.enumerated() {
                switch character {
                case "\\", "|":
                    text.unicodeScalars.append("\\")
                case "*" where index == 0:
                    text.unicodeScalars.append("\\")
                default:
                    break
                }
                text.unicodeScalars.append(character)
            }
            return text
        }.joined(separator: "|")
    }

    /// The options a cell describes.
    public static func decode(_ cell: String) -> [TrackingCodeOption] {
        guard !cell.isEmpty else { return [] }
        var options: [TrackingCodeOption] = []
        var value = String.UnicodeScalarView()
        var isDefault = false
        var atStart = true
        var escaped = false

        for scalar in cell.unicodeScalars {
            if escaped {
                if scalar != "\\", scalar != "|", scalar != "*" { value.append("\\") }
                value.append(scalar)
                escaped = false
                atStart = false
                continue
            }
            switch scalar {
            case "\\":
                escaped = true
            case "|":
                options.append(TrackingCodeOption(value: String(value), defaultValue: isDefault))
                value = String.UnicodeScalarView()
                isDefault = false
                atStart = true
            case "*" where atStart:
                isDefault = true
                atStart = false
            default:
                value.append(scalar)
                atStart = false
            }
        }
        if escaped { value.append("\\") }
        options.append(TrackingCodeOption(value: String(value), defaultValue: isDefault))
        return options
    }
}
