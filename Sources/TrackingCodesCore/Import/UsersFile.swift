import Foundation
import WebexAPI

/// The file format of `users export` and `users import`: one row per user, one column per
/// tracking code.
///
/// The user is named by an `email` column or a `personId` column (or both; Webex lets the
/// personId win). Control Hub's header `User ID/Email (Required)` counts as an email column, so
/// its exports work as they are. Every other column whose header is the name of a tracking code
/// on the site (ignoring case) sets that code's value; an empty cell leaves the value alone
/// (Webex has no way to remove a user's value). Other columns are listed as ignored. The two
/// columns a report adds (`import status`, `import detail`) are ignored too, so a report can be
/// edited and imported again.
public enum UsersFile {
    public static let emailHeaders = [
        "email", "e-mail", "email address", "user email", "mail", "user id/email",
        "user id/email (required)",
    ]
    public static let personIdHeaders = ["personId", "person id", "person_id"]
    public static let statusHeader = "import status"
    public static let detailHeader = "import detail"

    /// Where a table keeps users and values.
    public struct Layout: Hashable, Sendable {
        public var emailColumn: Int?
        public var personIdColumn: Int?
        /// Column index → the tracking code it sets, in column order.
        public var codeColumns: [CodeColumn]
        /// Headers that are neither a user column nor a code of the site.
        public var ignoredColumns: [String]
    }

    public struct CodeColumn: Hashable, Sendable {
        public var column: Int
        public var code: TrackingCode
    }

    /// Finds the user columns; throws when there is none or a header repeats.
    static func userColumns(
        of table: DelimitedTable
    ) throws(ImportFileError) -> (email: Int?, personId: Int?) {
        let email = table.column(named: emailHeaders)
        let personId = table.column(named: personIdHeaders)
        guard email != nil || personId != nil else {
            throw .missingColumn("user", expected: ["email", "personId"])
        }
        var seen: Set<String> = []
        for name in table.header where !name.trimmingCharacters(in: .whitespaces).isEmpty {
            if !seen.insert(DelimitedTable.headerKey(name)).inserted {
                throw .duplicateColumn(name)
            }
        }
        return (email, personId)
    }

    /// The layout of `table` for a site with `codes`.
    public static func layout(
        of table: DelimitedTable, codes: [TrackingCode]
    ) throws(ImportFileError) -> Layout {
        let (email, personId) = try userColumns(of: table)
        let reportColumns = Set([statusHeader, detailHeader].map(DelimitedTable.headerKey))
        var codeColumns: [CodeColumn] = []
        var ignored: [String] = []
        for (index, header) in table.header.enumerated() where index != email && index != personId {
            let trimmed = header.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || reportColumns.contains(DelimitedTable.headerKey(header)) {
                continue
            }
            let code =
                codes.first { $0.name == header } ?? codes.first { $0.name == trimmed }
                ?? codes.first { $0.name.caseInsensitiveCompare(trimmed) == .orderedSame }
            if let code {
                codeColumns.append(CodeColumn(column: index, code: code))
            } else {
                ignored.append(header)
            }
        }
        return Layout(
            emailColumn: email, personIdColumn: personId, codeColumns: codeColumns,
            ignoredColumns: ignored)
    }

    /// The user a record names: its personId when filled in, else its email.
    static func user(in record: DelimitedTable.Record, layout: Layout) -> UserReference? {
        if let column = layout.personIdColumn {
            let id = trimmed(record[column])
            if !id.isEmpty { return .personId(id) }
        }
        if let column = layout.emailColumn {
            let email = trimmed(record[column])
            if !email.isEmpty { return .email(email) }
        }
        return nil
    }

    /// `cell` without surrounding spaces; the cell itself (its storage shared, not copied) when
    /// it has none, as almost every cell does: an import of 10,000 rows kept each email twice
    /// more (the user it names, the email messages show), 1.2 MB at its peak.
    static func trimmed(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return cell }
        return cell.trimmingCharacters(in: .whitespaces)
    }

    /// A key that is the same for two references to one user (emails ignore case).
    static func key(of user: UserReference) -> String {
        switch user {
        case .email(let email): "email:" + email.lowercased()
        case .personId(let id): "person:" + id
        }
    }

    /// A table of users' values: `email`, `personId`, then one column per code in site order.
    public static func table(
        for users: [UserTrackingCodes], codes: [TrackingCode]
    ) -> DelimitedTable {
        let rows = users.map { user in
            [user.email ?? "", user.personId ?? ""] + codes.map { user.value(named: $0.name) ?? "" }
        }
        return DelimitedTable(header: ["email", "personId"] + codes.map(\.name), rows: rows)
    }
}
