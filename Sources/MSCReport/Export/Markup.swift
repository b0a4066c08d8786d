/// Escaping of text placed in HTML, SVG and XML, so text from a user's file always shows as
/// text and never becomes markup (a scenario named `<script>` is shown, not run).
public enum Markup {
    /// The text with `& < > " '` replaced by entities and characters XML 1.0 forbids
    /// (control characters other than tab, line feed and carriage return) replaced by U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
