import Foundation
import MSCModel

/// The page groups assumptions by the file they come from, which is how `Assumptions/` is organised by topic.
enum AssumptionGroups {
    /// Topic files in the order a reader meets them: cost, funding, identification, value, appraisal.
    static let known: [(id: String, title: String)] = [
        ("cost", "Cost of a post"), ("funding", "Funding and renewal"), ("impact", "Identification"),
        ("value", "Value of an identification"), ("appraisal", "Appraisal (Green Book)"), ("sharing", "Sharing and coverage"),
        ("training", "Training"), ("evaluation", "Evaluation"),
    ]

    /// The file stem of an assumption's origin (`…/cost.yaml:12` is `cost`).
    static func group(of assumption: Assumption) -> String {
        let file = assumption.origin.split(separator: ":").first.map(String.init) ?? assumption.origin
        return ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    static func title(_ id: String) -> String {
        known.first { $0.id == id }?.title ?? id.prefix(1).uppercased() + id.dropFirst()
    }

    static func order<S: Sequence>(_ ids: S) -> [String] where S.Element == String {
        let rank = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($0.element.id, $0.offset) })
        return ids.sorted { (rank[$0] ?? 99, $0) < (rank[$1] ?? 99, $1) }
    }
}
