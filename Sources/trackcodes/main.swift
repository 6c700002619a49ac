import Foundation
import TrackcodesCLI

// All behaviour lives in TrackcodesCLI, so tests can run the same entry point in-process.
let arguments = Array(CommandLine.arguments.dropFirst())
Trackcodes.prepareProcess(for: arguments)
let exitCode = await Trackcodes.run(arguments, context: .standard())
exit(exitCode.rawValue)
