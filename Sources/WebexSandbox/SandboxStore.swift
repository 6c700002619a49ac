import Foundation
import WebexAPI

/// The sandbox's state and the server-side rules: resolving sites, unique names, mapped sites,
/// user values. Pure value logic; `Sandbox` adds locking, faults and persistence around it.
///
/// Every mutating method checks everything before it changes anything, so one that throws leaves
/// the store as it was; `Sandbox` relies on that to change the store in place.
struct SandboxStore {
    var dataset: SandboxDataset
    /// Users by person id and by lower-cased email. The sandbox never adds or removes users, so
    /// the index is built once; a linear, case-insensitive scan dominated large imports.
    private let userIndexByPersonId: [String: Int]
    private let userIndexByEmail: [String: Int]

    init(dataset: SandboxDataset) {
        self.dataset = dataset
        var byPersonId: [String: Int] = [:]
        var byEmail: [String: Int] = [:]
        for (index, user) in dataset.users.enumerated() {
            byPersonId[user.personId] = byPersonId[user.personId] ?? index
            byEmail[user.email.lowercased()] = byEmail[user.email.lowercased()] ?? index
        }
        userIndexByPersonId = byPersonId
        userIndexByEmail = byEmail
    }

    // MARK: - Sites and people

    func siteList() -> SiteList {
        SiteList(sites: dataset.sites.map { Site(siteUrl: $0.siteUrl, isDefault: $0.isDefault) })
    }

    /// The named site, or the caller's preferred one when `siteUrl` is nil or empty.
    func site(_ siteUrl: String?) throws(SandboxFailure) -> SandboxSite {
        guard let siteUrl, !siteUrl.isEmpty else {
            guard let preferred = dataset.sites.first(where: \.isDefault) ?? dataset.sites.first else {
                throw .notFound("The caller has no Webex Meetings site.")
            }
            return preferred
        }
        guard let site = dataset.sites.first(where: { $0.siteUrl.caseInsensitiveCompare(siteUrl) == .orderedSame }) else {
            throw .unknownSite(siteUrl)
        }
        return site
    }

    /// The site a write names; writes must name one.
    func writableSite(_ siteUrl: String?) throws(SandboxFailure) -> SandboxSite {
        guard let siteUrl, !siteUrl.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .badRequest("'siteUrl' cannot be empty")
        }
        let site = try site(siteUrl)
        if site.hasMappedCodes { throw .mappedSite(site.siteUrl) }
        return site
    }

    // MARK: - Site-level codes

    func codes(on site: SandboxSite) -> [TrackingCode] {
        dataset.codes.filter { $0.siteUrl == site.siteUrl }
    }

    func code(id: String, siteUrl: String?) throws(SandboxFailure) -> TrackingCode {
        let site = try site(siteUrl)
        guard let code = dataset.codes.first(where: { $0.id == id && $0.siteUrl == site.siteUrl }) else {
            throw .unknownCode(id)
        }
        return code
    }

    mutating func create(_ draft: TrackingCodeDraft) throws(SandboxFailure) -> TrackingCode {
        let site = try writableSite(draft.siteUrl)
        try check(draft, on: site, replacing: nil)
        let code = stored(draft, id: String(dataset.nextCodeId), site: site)
        dataset.nextCodeId += 1
        dataset.codes.append(code)
        return code
    }

    mutating func update(id: String, _ draft: TrackingCodeDraft) throws(SandboxFailure) -> TrackingCode {
        let site = try writableSite(draft.siteUrl)
        guard let index = dataset.codes.firstIndex(where: { $0.id == id && $0.siteUrl == site.siteUrl }) else {
            throw .invalidIdOnUpdate(id)
        }
        try check(draft, on: site, replacing: id)
        let code = stored(draft, id: id, site: site)
        dataset.codes[index] = code
        return code
    }

    mutating func delete(id: String, siteUrl: String?) throws(SandboxFailure) {
        let site = try writableSite(siteUrl)
        guard let index = dataset.codes.firstIndex(where: { $0.id == id && $0.siteUrl == site.siteUrl }) else {
            throw .unknownCode(id)
        }
        dataset.codes.remove(at: index)
        // A deleted code's user values go with it.
        for userIndex in dataset.users.indices {
            dataset.users[userIndex].values[site.siteUrl]?[id] = nil
        }
    }

    private func check(_ draft: TrackingCodeDraft, on site: SandboxSite, replacing id: String?) throws(SandboxFailure) {
        if let violation = TrackingCodeRules.violations(of: draft, management: site.management).first {
            throw .badRequest(violation.message)
        }
        let taken = dataset.codes.contains {
            $0.siteUrl == site.siteUrl && $0.id != id && $0.name.caseInsensitiveCompare(draft.name) == .orderedSame
        }
        if taken { throw .conflict("Tracking code name '\(draft.name)' already exists.") }
    }

    /// What Webex keeps of a draft: the site's own spelling and all five schedule entries.
    private func stored(_ draft: TrackingCodeDraft, id: String, site: SandboxSite) -> TrackingCode {
        TrackingCode(
            id: id, name: draft.name, siteUrl: site.siteUrl, options: draft.options,
            inputMode: draft.inputMode, hostProfileCode: draft.hostProfileCode,
            scheduleStartCodes: TrackingCodeRules.normalizedScheduleStartCodes(draft.scheduleStartCodes))
    }

    // MARK: - User values

    func userIndex(personId: String?, email: String?) throws(SandboxFailure) -> Int {
        // Webex lets personId win when both are given.
        if let personId, !personId.isEmpty {
            guard let index = userIndexByPersonId[personId] else {
                throw .notFound("User '\(personId)' is not found.")
            }
            return index
        }
        if let email, !email.isEmpty {
            guard let index = userIndexByEmail[email.lowercased()] else {
                throw .notFound("User '\(email)' is not found.")
            }
            return index
        }
        throw .badRequest("'personId' or 'email' is required")
    }

    func userCodes(siteUrl: String?, personId: String?, email: String?) throws(SandboxFailure) -> UserTrackingCodes {
        let site = try site(siteUrl)
        return userCodes(at: try userIndex(personId: personId, email: email), site: site)
    }

    private func userCodes(at index: Int, site: SandboxSite) -> UserTrackingCodes {
        let user = dataset.users[index]
        let values = user.values[site.siteUrl] ?? [:]
        let items = codes(on: site).compactMap { code in
            values[code.id].map { UserTrackingCodeValue(id: code.id, name: code.name, value: $0) }
        }
        return UserTrackingCodes(siteUrl: site.siteUrl, personId: user.personId, email: user.email, trackingCodes: items)
    }

    /// Sets the named values and keeps the others (the sandbox's reading of an undocumented point).
    mutating func updateUserCodes(_ update: UserTrackingCodesUpdate) throws(SandboxFailure) -> UserTrackingCodes {
        let site = try writableSite(update.siteUrl)
        let index = try userIndex(personId: update.personId, email: update.email)
        let siteCodes = codes(on: site)
        var values = dataset.users[index].values[site.siteUrl] ?? [:]
        for item in update.trackingCodes {
            if item.name.isEmpty { throw .badRequest("'trackingCodes[].name' cannot be empty") }
            if item.name.count > TrackingCodeRules.maxNameLength {
                throw .badRequest("'trackingCodes[].name' cannot be longer than \(TrackingCodeRules.maxNameLength) characters")
            }
            guard let code = siteCodes.first(where: { $0.name == item.name }) else {
                throw .badRequest("Tracking code of '\(item.name)' is not found.")
            }
            if let violation = TrackingCodeRules.userValueViolation(item.value, for: code) {
                throw .badRequest(violation)
            }
            values[code.id] = item.value
        }
        dataset.users[index].values[site.siteUrl] = values
        return userCodes(at: index, site: site)
    }
}
