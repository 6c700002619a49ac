import Foundation

/// Runs the async handler from a connection thread and waits for its answer.
///
/// The connection threads are our own pthreads, not threads of Swift's cooperative pool, so
/// blocking one on a semaphore cannot starve the pool: the handler's task runs on the pool and
/// needs nothing from the waiting thread to finish.
enum AsyncBridge {
    private final class Answer: @unchecked Sendable {
        // Written by the task before `signal()`, read after `wait()`: the semaphore orders them.
        var response = HTTPServerResponse(status: 500)
    }

    static func respond(
        to request: HTTPServerRequest,
        with handler: @escaping HTTPServer.Handler
    ) -> HTTPServerResponse {
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            answer.response = await handler(request)
            done.signal()
        }
        done.wait()
        return answer.response
    }
}
