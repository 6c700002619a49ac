import WebexAPI

extension Session {
    /// Reads `siteUrl`'s codes as work of `owner`, so Esc on its screen cancels the read.
    func loadCodes(
        of siteUrl: String, for owner: AnyObject
    ) async -> Result<[TrackingCode], WebexError> {
        let client = client
        return await activity.run(for: owner) {
            do throws(WebexError) {
                return .success(try await client.listTrackingCodes(siteUrl: siteUrl))
            } catch {
                return .failure(error)
            }
        }
    }
}
