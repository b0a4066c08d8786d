/// Names that are shown to people (a scenario's name, an uploaded file's name) may not hide what
/// they are: a control character (NUL, escape, a carriage return) or a text-direction override
/// (U+202E makes "gpj.exe" read as "exe.jpg") would let a name display as something it is not, in
/// a terminal, a table or the web page. Such names are refused, never silently cleaned.
public enum DisplaySafeText {
    /// Text-direction marks, embeddings, overrides and isolates (Unicode's bidirectional controls).
    static let directionControls: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                                  0x2066, 0x2067, 0x2068, 0x2069]

    /// The first hidden character of `text`, written as `U+XXXX`, or nil when there is none.
    public static func firstHiddenCharacter(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if isControl || directionControls.contains(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return nil
    }
}
