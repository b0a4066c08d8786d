/// Where an assumption's value comes from: a citation a reader can follow.
public struct Source: Sendable, Equatable, Codable {
    /// Title of the document or data set.
    public let title: String
    /// Who published it.
    public let publisher: String
    /// Date of publication (free form: `2025-01`, `2018-07-31`).
    public let date: String
    /// Web address, when there is one.
    public let url: String?
    /// Page, table or section, when it helps a reader find the figure.
    public let page: String?
    /// Licence, when reuse needs attribution (e.g. `OGL v3`, `CC BY 4.0`).
    public let licence: String?

    public init(title: String, publisher: String, date: String, url: String? = nil, page: String? = nil,
                licence: String? = nil) {
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.page = page
        self.licence = licence
    }

    /// One-line citation: `Publisher (date), Title, page. URL`.
    public var citation: String {
        var text = "\(publisher) (\(date)), \(title)"
        if let page { text += ", \(page)" }
        if let url { text += ". \(url)" }
        return text
    }
}

/// How sure we are of an assumption's value; carried over from the data's provenance flags.
public enum Evidence: String, CaseIterable, Sendable, Codable {
    /// The figure appears in the source named.
    case sourced
    /// Computed from sourced figures; the method is in the notes.
    case derived
    /// From a source, but not confirmed against the original text; check before relying on it.
    case unconfirmed
    /// No source: chosen for illustration, with the reasoning in the notes.
    case illustrative
}
