import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with `posix_spawn`, so tests can drive tmux and our binary.
///
/// `Foundation.Process` can hang when a tmux server inherits its pipes, and test threads block
/// signals that the child must see (ncurses needs SIGWINCH), so the child gets a clean signal mask
/// and default handlers, and its output goes to a file rather than a pipe.
enum ProcessRunner {
    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs `arguments` to completion, or kills it after `timeout` seconds.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil, timeout: Double = 60) throws -> Result {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }
        let pid = try spawn(arguments, environment: environment, outputPath: outputPath)
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw RunnerError("\(arguments.joined(separator: " ")) did not finish in \(timeout) s")
            }
            usleep(5_000)
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitCode, output: output)
    }

    /// Starts `arguments` in the background; the caller owns the returned pid.
    static func spawn(_ arguments: [String], environment: [String: String]? = nil, outputPath: String = "/dev/null") throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(arguments) { argv in
            withCStrings(env) { envp in
                posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
            }
        }
        guard status == 0 else { throw RunnerError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        return pid
    }

    private static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

struct RunnerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
