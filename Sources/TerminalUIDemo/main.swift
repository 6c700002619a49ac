// A demo of the terminal layer, for trying the widgets by hand in a real terminal (tmux,
// SSH) until the real screens exist. Run: swift run TerminalUIDemo
import Foundation
import TerminalUI

do {
    try await TerminalApp.run(DemoScreen())
} catch {
    FileHandle.standardError.write(Data((error.localizedDescription + "\n").utf8))
    exit(1)
}
