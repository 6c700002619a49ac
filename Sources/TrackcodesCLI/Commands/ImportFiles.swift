import Foundation
import TrackingCodesCore
import WebexAPI

/// What the import and export commands share: reading the input file, printing a file to
/// standard output, and the exit code a run with some failed rows ends with.
enum ImportFiles {
    static let file = PositionalSpec(
        "FILE", help: "The file to import (CSV, TSV or, for codes, JSON)")
    static let format = SingleOption(
        "format", value: "FORMAT", help: "csv (default) or json", choices: ["csv", "json"])

    /// The bytes of `path`, or of standard input for `-` when `allowStandardInput`.
    static func read(
        _ path: String, invocation: CommandInvocation, allowStandardInput: Bool = true
    ) throws -> Data {
        if path == "-" {
            guard allowStandardInput else {
                throw UsageError(
                    "this import writes its report next to FILE, so FILE cannot be '-'",
                    helpPath: invocation.parsed.path)
            }
            do {
                return try invocation.context.standardInput.readAll()
            } catch {
                throw CLIFailure.invalidInput(
                    "cannot read standard input: \(error.localizedDescription)")
            }
        }
        do throws(InputFileError) {
            return try InputFile.read(path: path)
        } catch {
            throw CLIFailure.invalidInput(error.message)
        }
    }

    /// An input file that cannot be used at all: exit 2 with the reason and where.
    static func failure(_ error: ImportFileError, path: String) -> CLIFailure {
        CLIFailure.invalidInput("\(path): \(error.errorDescription ?? "\(error)")")
    }

    /// Writes a file's text to standard output as it is; on a terminal, control characters a
    /// terminal would obey are shown escaped (line breaks and tabs stay).
    static func printFile(_ text: String, invocation: CommandInvocation) {
        let output = invocation.context.standardOutput
        output.write(output.isTerminal ? OutputEscaping.escapingControlsInJSON(text) : text)
    }

    /// The exit code of a run: 3 when the network or login failed, else 1 when Webex refused a
    /// request, else 2 when rows were refused before sending, else 0.
    static func exitCode(failures: [OperationError], invalidRows: Int) -> ExitCode {
        let codes = failures.map(CLIFailure.exitCode(for:))
        if codes.contains(.networkOrAuth) { return .networkOrAuth }
        if !codes.isEmpty { return .apiError }
        return invalidRows > 0 ? .usage : .success
    }
}
