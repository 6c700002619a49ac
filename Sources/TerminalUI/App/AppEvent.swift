/// Everything the app loop reacts to, in one stream: terminal input, timer ticks and the
/// results of effects.
public enum AppEvent<Message: Sendable>: Sendable {
    case key(Key)
    case resize(TerminalSize)
    case terminate(TerminationReason)
    case tick
    case message(Message)

    init(_ event: TerminalEvent) {
        switch event {
        case .key(let key): self = .key(key)
        case .resize(let size): self = .resize(size)
        case .terminate(let reason): self = .terminate(reason)
        }
    }
}
