import Foundation
import TrackcodesCLI

// All behaviour lives in TrackcodesCLI, so tests can run the same entry point in-process.
let exitCode = await Trackcodes.run(Array(CommandLine.arguments.dropFirst()), context: .standard())
exit(exitCode.rawValue)
