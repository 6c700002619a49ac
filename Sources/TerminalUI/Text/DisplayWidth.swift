/// How many terminal columns a Unicode scalar takes, the way curses and glibc count them.
///
/// We carry our own table rather than calling `wcwidth()` because `wcwidth()` depends on the
/// process locale (in the "C" locale it rejects everything past ASCII), and tests must not
/// depend on the locale. The table is glibc's own data (see `displayWidthTable`), so it has
/// the same limits: terminals that follow a newer Unicode or join emoji sequences may draw
/// some characters wider than counted here. `TerminalText` avoids the usual traps (emoji
/// sequences, variation selectors) by reducing them to a base character it can measure.
public enum DisplayWidth {
    /// The scalar's width in columns (0, 1 or 2), or nil when it is not printable:
    /// controls, unassigned code points and the like.
    public static func of(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        var low = 0
        var high = displayWidthTable.count - 1

        // Find the last run starting at or before the scalar.
        while low < high {
            let middle = (low + high + 1) / 2
            if displayWidthTable[middle] >> 2 <= value {
                low = middle
            } else {
                high = middle - 1
            }
        }
        let widthClass = Int(displayWidthTable[low] & 3)
        return widthClass == 3 ? nil : widthClass
    }
}
