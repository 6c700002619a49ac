import WebexAPI

/// One `NAME=VALUE` of `user set`, and how a set of them merges into a user's current values.
struct UserValueAssignment: Sendable, Hashable {
    var name: String
    var value: String

    /// Splits at the first `=`, so a value may contain `=` but a name may not.
    init(parsing text: String) throws(UsageError) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw UsageError("'\(text)' should be NAME=VALUE, e.g. Department=Sales")
        }
        name = String(text[..<equals])
        value = String(text[text.index(after: equals)...])
    }

    /// The full list to send: the user's current values with the assigned ones replaced in
    /// place, then the new ones in the order given. Sending the full list is right whether
    /// Webex treats the update as a replacement or a merge.
    static func merged(
        _ assignments: [UserValueAssignment], into current: [UserTrackingCodeValue]
    ) -> [UserTrackingCodeAssignment] {
        let newValues = Dictionary(
            assignments.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        var result = current.map {
            UserTrackingCodeAssignment(name: $0.name, value: newValues[$0.name] ?? $0.value)
        }
        for assignment in assignments where !result.contains(where: { $0.name == assignment.name }) {
            result.append(UserTrackingCodeAssignment(name: assignment.name, value: assignment.value))
        }
        return result
    }
}
