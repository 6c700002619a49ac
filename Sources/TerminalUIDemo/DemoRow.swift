/// A made-up tracking code for the demo, with the awkward names real data can have.
struct DemoRow {
    let name: String
    let inputMode: String
    let type: String
    let value: String

    static func samples(count: Int) -> [DemoRow] {
        let names = [
            "Project code", "部署コード", "Kostenstelle", "😀 Emoji team", "Centre de coût",
            "Escape\u{1B}[31mred", "Bell\u{07}ring", "Bidi \u{202E}evil\u{202C} name",
            "Région 北京", "👩‍💻 Engineers", "Null\u{0}byte",
            "A very long tracking code name that will not fit",
        ]
        let modes = ["Text", "Select", "Editable", "Hosted"]
        let types = ["Optional", "Required", "N/A"]
        return (0..<count).map { index in
            DemoRow(
                name: "\(names[index % names.count]) \(index + 1)",
                inputMode: modes[index % modes.count],
                type: types[index % types.count],
                value: index % 5 == 0 ? "値\(index)" : "value-\(index)")
        }
    }
}
