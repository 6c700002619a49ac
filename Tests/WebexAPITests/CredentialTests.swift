import Foundation
import Testing
import WebexAPI

@Suite("Token sources")
struct CredentialTests {
    func tokenFile(mode: mode_t, content: String = "abc123\n") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(content.utf8)))
        #expect(chmod(path, mode) == 0)
        return path
    }

    @Test func ownerOnlyFileIsRead() throws {
        let path = try tokenFile(mode: 0o600)
        #expect(try AccessToken.fromFile(path).secret == "abc123")
    }

    @Test func groupOrWorldReadableFileIsRefusedWithTheFix() throws {
        for mode: mode_t in [0o640, 0o644, 0o604] {
            let path = try tokenFile(mode: mode)
            #expect(throws: CredentialError.fileTooOpen(path: path, mode: String(mode, radix: 8))) { try AccessToken.fromFile(path) }
            let message = CredentialError.fileTooOpen(path: path, mode: "644").errorDescription ?? ""
            #expect(message.contains("chmod 600"))
        }
    }

    @Test func missingAndEmptyFilesAreClearErrors() throws {
        #expect(throws: CredentialError.self) { try AccessToken.fromFile("/nonexistent/token") }
        let empty = try tokenFile(mode: 0o600, content: "\n")
        #expect(throws: CredentialError.emptyFile(path: empty)) { try AccessToken.fromFile(empty) }
    }

    @Test func environmentTokenIsTrimmedAndBlankMeansNone() throws {
        #expect(try AccessToken.fromEnvironment(["WEBEX_API_KEY": "  tok \n"])?.secret == "tok")
        #expect(try AccessToken.fromEnvironment(["WEBEX_API_KEY": "  "]) == nil)
        #expect(try AccessToken.fromEnvironment([:]) == nil)
    }

    @Test func tokensThatCannotTravelInAHeaderAreRefused() throws {
        for bad in ["SECRET\r\nX-Evil: 1", "two words", "Bearer abc", "tab\there", "caf\u{E9}"] {
            #expect(throws: CredentialError.malformed(source: "WEBEX_API_KEY")) {
                try AccessToken.fromEnvironment(["WEBEX_API_KEY": bad])
            }
        }
        let twoLines = try tokenFile(mode: 0o600, content: "first\nsecond\n")
        #expect(throws: CredentialError.malformed(source: "the token file \(twoLines)")) { try AccessToken.fromFile(twoLines) }
        let message = CredentialError.malformed(source: "WEBEX_API_KEY").errorDescription ?? ""
        #expect(!message.contains("SECRET"))
    }

    @Test func aDirectoryIsNotATokenFile() {
        #expect(throws: CredentialError.unreadableFile(path: "/tmp", reason: "it is not a regular file")) {
            try AccessToken.fromFile("/tmp")
        }
    }
}
