/// The three tiers of the preliminary training framework for councils as modern slavery First
/// Responders (Middlesex University / Anti-Slavery International, May 2025).
///
/// The tiers build on each other: a specialist is also frontline staff and takes all three.
public enum TrainingTier: Int, CaseIterable, Sendable, Codable, Comparable {
    /// Tier 1: basic awareness e-learning for all staff.
    case awareness = 1
    /// Tier 2: in-depth face-to-face training for frontline staff and councillors.
    case frontline = 2
    /// Tier 3: advanced training for specialist staff who make NRM referrals.
    case specialist = 3

    public static func < (lhs: TrainingTier, rhs: TrainingTier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A short label for tables, e.g. "2 face to face".
    public var label: String {
        switch self {
        case .awareness: return "1 e-learning"
        case .frontline: return "2 face to face"
        case .specialist: return "3 advanced"
        }
    }

    /// Who the tier is for, e.g. "frontline staff and councillors".
    public var audience: String {
        switch self {
        case .awareness: return "all staff"
        case .frontline: return "frontline staff and councillors"
        case .specialist: return "specialists making NRM referrals"
        }
    }

    /// Whether a trainer delivers it in a room (Tiers 2 and 3) rather than online (Tier 1).
    public var isFaceToFace: Bool { self != .awareness }

    /// The stem of this tier's assumption names, e.g. `trainingTier2` for `trainingTier2Hours`.
    public var assumptionStem: String { "trainingTier\(rawValue)" }
}

/// One value for each training tier, so that a lookup by tier can never miss.
public struct TierValues<Value: Sendable>: Sendable {
    public var awareness: Value
    public var frontline: Value
    public var specialist: Value

    public init(awareness: Value, frontline: Value, specialist: Value) {
        self.awareness = awareness
        self.frontline = frontline
        self.specialist = specialist
    }

    /// The values built by calling `make` for each tier in order.
    public init(_ make: (TrainingTier) throws -> Value) rethrows {
        self.init(awareness: try make(.awareness), frontline: try make(.frontline), specialist: try make(.specialist))
    }

    public subscript(tier: TrainingTier) -> Value {
        get {
            switch tier {
            case .awareness: return awareness
            case .frontline: return frontline
            case .specialist: return specialist
            }
        }
        set {
            switch tier {
            case .awareness: awareness = newValue
            case .frontline: frontline = newValue
            case .specialist: specialist = newValue
            }
        }
    }

    /// The values in tier order.
    public var all: [Value] { [awareness, frontline, specialist] }

    /// The same tiers with each value transformed.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> TierValues<T> {
        TierValues<T>(awareness: try transform(awareness), frontline: try transform(frontline),
                      specialist: try transform(specialist))
    }
}

extension TierValues: Equatable where Value: Equatable {}
