/// Asynchronous work a screen asks for, such as an API call. The app shell runs it off the
/// main actor and delivers the message it returns back to the screen as an event, so
/// rendering never waits on the network.
public struct Effect<Message: Sendable>: Sendable {
    let operations: [@Sendable () async -> Message]

    /// An effect that runs `operation` and delivers its message.
    public static func run(_ operation: @escaping @Sendable () async -> Message) -> Effect {
        Effect(operations: [operation])
    }

    /// Several effects run side by side; each message is delivered when it is ready.
    public static func merge(_ effects: [Effect]) -> Effect {
        Effect(operations: effects.flatMap(\.operations))
    }
}
