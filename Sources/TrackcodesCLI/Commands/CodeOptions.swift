import WebexAPI

/// The options of the `codes` and `user` commands, declared once and shared.
enum CodeOptions {
    static let site = SingleOption(
        "site", value: "SITE", help: "The site, e.g. example.webex.com (default: your preferred site)")
    static let dryRun = Flag(
        "dry-run", help: "Print the request that would be sent (token redacted) and send nothing")

    static let body = SingleOption(
        "body", value: "FILE",
        help: "Read the tracking code as JSON from FILE, or from standard input with '-'")
    static let name = SingleOption(
        "name", value: "NAME", help: "The code's name (at most 120 characters)")
    static let inputMode = SingleOption(
        "input-mode", value: "MODE", help: "How hosts give a value",
        choices: InputMode.documentedCases.map(\.rawValue))
    static let option = RepeatedOption(
        "option", value: "VALUE", help: "An option of a select code; replaces the whole option list")
    static let defaultOption = SingleOption(
        "default-option", value: "VALUE",
        help: "Which option is the default; must be one of the options")
    static let hostProfile = SingleOption(
        "host-profile", value: "CODE", help: "How the code is used on the host profile page",
        choices: HostProfileCode.documentedCases.map(\.rawValue))
    static let schedule = RepeatedOption(
        "schedule", value: "SERVICE=TYPE",
        help: "How a service's schedule/start pages use the code, e.g. MeetingCenter=required")

    /// The field flags of create and update, in help order.
    static let fieldOptions: [OptionSpec] = [
        name.spec, inputMode.spec, option.spec, defaultOption.spec, hostProfile.spec, schedule.spec,
    ]

    /// Everything create and update take, in help order.
    static let writeOptions = [site.spec, body.spec] + fieldOptions + [dryRun.spec]

    static let fieldDiscussion = """
        Field flags change one part each. --schedule SERVICE=TYPE takes a service (All,
        MeetingCenter, EventCenter, TrainingCenter, SupportCenter) and a type (optional,
        required, adminSet, notUsed, notApplicable). Setting All to a type sets every service to
        it; setting one service to a type that differs from All's turns All into notApplicable
        and keeps the other services as they were.
        The code is checked against Webex's rules before anything is sent.
        """
}
