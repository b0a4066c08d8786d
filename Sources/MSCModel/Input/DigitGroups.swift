/// Whole numbers written with commas between groups of three digits (20,894), as messages and
/// statements show them. Done by hand: a NumberFormatter costs about 0.1 ms to build, and messages
/// are assembled for every row of the authority table as it loads.
public enum DigitGroups {
    /// `digits` (ASCII digits, no sign) with a comma before every third digit from the right,
    /// after a minus sign when `negative`.
    public static func grouped(_ digits: some StringProtocol, negative: Bool = false) -> String {
        var grouped = negative ? "-" : ""
        let count = digits.count
        for (position, digit) in digits.enumerated() {
            if position > 0, (count - position) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }
}
