/// How many more adult victims an authority identifies with a coordinator post (DESIGN 3.4).
///
/// Without a post an authority identifies `base` adults a year (NRM referrals plus Duty to Notify
/// reports); with coverage `c` of a post whose effect has ramped up to `ramp(t)`, it identifies
/// `base · (1 + (RR − 1) · c · ramp(t))`. These are pure formulas; the values come from
/// `Assumptions/impact.yaml` through ``IdentificationParameters``.
///
/// ```swift
/// let ramp = IdentificationUplift.ramp(yearIndex: 0, rampUpYears: 2)          // 0.25
/// IdentificationUplift.additionalIdentifications(baselinePerYear: 2, rateRatio: 2.33,
///                                                coverage: 1, rampFraction: ramp)  // 0.665
/// ```
public enum IdentificationUplift {
    /// Additional identifications a year caused by the post: `base · (RR − 1) · c · ramp`.
    ///
    /// - Parameters:
    ///   - baselinePerYear: adult identifications a year without a post (people per year).
    ///   - rateRatio: identification rate with full coverage and full effect over the rate without.
    ///   - coverage: the share of a full post's effect this authority receives, in [0, 1].
    ///   - rampFraction: the share of the full effect reached in the year, in [0, 1] (see ``ramp(yearIndex:rampUpYears:)``).
    /// - Returns: people per year; negative when the rate ratio is below 1.
    public static func additionalIdentifications(baselinePerYear: Double, rateRatio: Double,
                                                 coverage: Double, rampFraction: Double) -> Double {
        baselinePerYear * (rateRatio - 1) * coverage * rampFraction
    }

    /// The rate ratio at full coverage from one measured in councils with coverage `hostCoverage`
    /// (``HostCalibration``): `1 + max(0, RR_hosts − 1) / hostCoverage`.
    ///
    /// A measured ratio at or below 1 gives 1: no mechanism by which a post would reduce
    /// identifications has been offered, so such a draw is a post that adds nothing. With no
    /// coverage to learn from (`hostCoverage` ≤ 0) the post adds nothing either.
    @inlinable
    public static func fullCoverageRateRatio(hostRateRatio: Double, hostCoverage: Double) -> Double {
        guard hostCoverage > 0 else { return 1 }
        return 1 + max(0, hostRateRatio - 1) / hostCoverage
    }

    /// Additional identifications net of displacement (Green Book additionality): of the extra
    /// identifications a post causes, `displacementShare` would have been made anyway by another
    /// first responder (police, an NGO, the Home Office), so only `gross · (1 − displacementShare)`
    /// are additional to society.
    public static func netOfDisplacement(_ gross: Double, displacementShare: Double) -> Double {
        gross * (1 - displacementShare)
    }

    /// A council's additional identifications a year at full effect, net of displacement: the one
    /// figure every output (`msc share`, the council card, the map, the pack's authority table)
    /// gives under "additional identifications" for a council.
    ///
    /// - Parameters:
    ///   - baselinePerYear: its adult identifications a year without a post.
    ///   - coverage: the share of a full post's effect it receives, in [0, 1].
    ///   - netUplift: `(RR_full − 1) · (1 − displacementShare)` (``netOfDisplacement(_:displacementShare:)``).
    public static func councilAdditionalIdentifications(baselinePerYear: Double, coverage: Double, netUplift: Double) -> Double {
        baselinePerYear * coverage * netUplift
    }

    /// Identifications a year with the post: baseline plus the additional ones.
    public static func identificationsWithPost(baselinePerYear: Double, rateRatio: Double,
                                               coverage: Double, rampFraction: Double) -> Double {
        baselinePerYear + additionalIdentifications(baselinePerYear: baselinePerYear, rateRatio: rateRatio,
                                                    coverage: coverage, rampFraction: rampFraction)
    }

    /// The average share of the full effect reached during year `yearIndex` of a post (0 = its first year).
    ///
    /// The effect rises linearly from nothing when the post starts to its full size after
    /// `rampUpYears`, and the year's value is the mean over that year, so with a two-year ramp the
    /// first year gets 0.25, the second 0.75 and later years 1. A ramp of 0 years gives 1 from the
    /// start; years before the post (negative index) give 0.
    @inlinable
    public static func ramp(yearIndex: Int, rampUpYears: Double) -> Double {
        guard yearIndex >= 0 else { return 0 }
        guard rampUpYears > 0 else { return 1 }
        let start = Double(yearIndex), end = start + 1
        if end <= rampUpYears { return (start + end) / 2 / rampUpYears }
        if start >= rampUpYears { return 1 }
        // The full effect is reached part-way through the year: rising part, then flat part.
        let rising = (rampUpYears * rampUpYears - start * start) / (2 * rampUpYears)
        return rising + (end - rampUpYears)
    }

    /// An authority's adult identifications a year without a post: its observed figure when there
    /// is one, else its population times the national local-authority rate.
    ///
    /// - Parameters:
    ///   - observed: the authority's own count a year (NRM adult referrals plus DtN reports), if known.
    ///   - population: residents counted once (in a two-tier area, share the residents between the
    ///     county and its districts rather than giving both the whole population).
    ///   - ratePer100kResidents: identifications per 100,000 residents a year (`baselineIdentificationRate`).
    /// - Returns: people per year.
    public static func baselinePerYear(observed: Double?, population: Double, ratePer100kResidents: Double) -> Double {
        if let observed { return observed }
        return population * ratePer100kResidents / 100_000
    }

    /// A national rate per 100,000 residents a year: `identifications / residents · 100,000`.
    ///
    /// The default `baselineIdentificationRate` is (277 adult NRM referrals + 211 DtN reports by
    /// local authorities in 2023) over the residents of England and Wales in the authority table.
    public static func ratePer100kResidents(identificationsPerYear: Double, residents: Double) -> Double {
        identificationsPerYear / residents * 100_000
    }
}
