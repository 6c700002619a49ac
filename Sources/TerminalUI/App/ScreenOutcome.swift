/// What handling an event did, as a screen reports it to the app shell.
public enum ScreenOutcome<Message: Sendable>: Sendable {
    /// The screen has no use for the event; the shell may act on it (`?`, `q`).
    case ignored
    /// The screen acted on the event.
    case handled
    /// The screen acted on the event and wants this work done.
    case perform(Effect<Message>)
    /// The app should end.
    case quit
}
