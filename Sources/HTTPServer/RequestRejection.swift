/// A request the server answers itself, with an error status and a sentence saying why, and
/// after which it closes the connection (the framing can no longer be trusted).
struct RequestRejection: Error, Equatable {
    var status: Int
    var message: String

    static func badRequest(_ message: String) -> RequestRejection {
        RequestRejection(status: 400, message: message)
    }
}
