/// What face-to-face training changes, as measured by coordinators' feedback forms (Human
/// Trafficking Foundation, *Acting Local*, Jan 2025, Training section).
///
/// The figures are self-reported by attendees who gave feedback, so they are an upper bound on
/// the effect; they are applied to everyone holding current Tier 2 training, however delivered.
public struct TrainingEffects: Sendable, Equatable {
    /// Share agreeing they could identify modern slavery before training (0.45).
    public var identifyConfidenceBefore: Double
    /// The same share after training (0.99).
    public var identifyConfidenceAfter: Double
    /// Share agreeing they understood the Modern Slavery Act 2015 and the NRM before training (0.32).
    public var actUnderstandingBefore: Double
    /// The same share after training (0.98).
    public var actUnderstandingAfter: Double
    /// Share of trainees more confident to report through the correct channels (0.91).
    public var reportingConfidenceImproved: Double

    public init(identifyConfidenceBefore: Double, identifyConfidenceAfter: Double, actUnderstandingBefore: Double,
                actUnderstandingAfter: Double, reportingConfidenceImproved: Double) {
        self.identifyConfidenceBefore = identifyConfidenceBefore
        self.identifyConfidenceAfter = identifyConfidenceAfter
        self.actUnderstandingBefore = actUnderstandingBefore
        self.actUnderstandingAfter = actUnderstandingAfter
        self.reportingConfidenceImproved = reportingConfidenceImproved
    }

    /// The names of the assumptions the effects are read from.
    public static let assumptionNames: [AssumptionName] = [
        .trainingIdentifyConfidenceBefore, .trainingIdentifyConfidenceAfter, .trainingActUnderstandingBefore,
        .trainingActUnderstandingAfter, .trainingReportingConfidenceImproved,
    ]

    /// The central values from an assumption set.
    public init(from assumptions: AssumptionSet) throws {
        self.init(identifyConfidenceBefore: try assumptions.value(.trainingIdentifyConfidenceBefore),
                  identifyConfidenceAfter: try assumptions.value(.trainingIdentifyConfidenceAfter),
                  actUnderstandingBefore: try assumptions.value(.trainingActUnderstandingBefore),
                  actUnderstandingAfter: try assumptions.value(.trainingActUnderstandingAfter),
                  reportingConfidenceImproved: try assumptions.value(.trainingReportingConfidenceImproved))
    }

    /// Expected share of a group confident to identify modern slavery when `trainedShare` of it
    /// holds current training: trained people at the after rate, the rest at the before rate.
    public func identifyConfidence(trainedShare: Double) -> Double {
        Self.blend(before: identifyConfidenceBefore, after: identifyConfidenceAfter, trainedShare: trainedShare)
    }

    /// Expected share of a group understanding the Act and the NRM when `trainedShare` of it is trained.
    public func actUnderstanding(trainedShare: Double) -> Double {
        Self.blend(before: actUnderstandingBefore, after: actUnderstandingAfter, trainedShare: trainedShare)
    }

    private static func blend(before: Double, after: Double, trainedShare: Double) -> Double {
        let share = min(1, max(0, trainedShare))
        return before + (after - before) * share
    }
}
