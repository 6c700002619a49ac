import Foundation
import WebexAPI

/// The users an export is about, read from a file: the Webex API has no call that lists users,
/// so `users export` needs them named.
///
/// The file is either a table with an `email` or `personId` column (an earlier export or
/// import file, or a Control Hub user export), or plain text with one email address or personId
/// per line. Blank lines and lines starting with `#` are skipped; a user named twice is kept once.
public enum UserList {
    public static func users(from data: Data) throws(ImportFileError) -> [UserReference] {
        let text = try TextFileDecoding.decode(data).text
        var found: [UserReference] = []
        if let table = try? DelimitedTable.parse(text),
            let columns = try? UsersFile.userColumns(of: table)
        {
            let layout = UsersFile.Layout(
                emailColumn: columns.email, personIdColumn: columns.personId, codeColumns: [],
                ignoredColumns: [])
            found = table.records.compactMap { UsersFile.user(in: $0, layout: layout) }
        } else {
            for line in text.split(whereSeparator: \.isNewline) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.hasPrefix("#"), let user = UserCodesPane.userReference(from: trimmed)
                else { continue }
                found.append(user)
            }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert(UsersFile.key(of: $0)).inserted }
    }
}
