/// The spelling of assumption names: a lower-case ASCII letter, then ASCII letters and digits.
///
/// Checked by hand rather than with a regular expression: every assumption file has about a
/// hundred names, and building a regular expression for each was a tenth of a run's start-up.
enum LowerCamelCase {
    static func matches(_ name: String) -> Bool {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), ("a"..."z").contains(first) else { return false }
        while let scalar = scalars.next() {
            guard ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) else {
                return false
            }
        }
        return true
    }
}
