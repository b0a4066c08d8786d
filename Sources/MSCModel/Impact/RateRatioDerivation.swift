import Foundation

/// The default identification rate ratio, derived from the Acting Local facts (DESIGN 3.4).
///
/// No authority-level referral counts are published, so `identificationRateRatio` is derived in
/// the open, from the facts in `Assumptions/impact.yaml` and the authority table, every time the
/// assumptions are loaded (so it follows population updates). The report says the 9 authorities
/// with a coordinator made 18% of local authorities' 277 adult NRM referrals in 2023, and 218
/// authorities referred at least one adult. That sentence has several defensible readings, and
/// each is kept side by side:
/// - **comparison set**: the 9 against all other councils (330), against the other councils that
///   referred an adult (218 − 9 = 209), or against the other councils with adult social care duties;
/// - **basis**: per council, or per resident (divided by how much larger the 9 host councils are
///   than the comparison set; the hosts are the same placement that `status-quo` uses);
/// - **outcome**: the ratio applies to NRM referrals and Duty to Notify reports alike, or to NRM
///   referrals only (the 18% counts NRM referrals), in which case the model's base of NRM + DtN
///   rises by `(ratio − 1) × NRM share` only.
///
/// For one reading, `crude = share / (1 − share) × others / coordinators`, `adjusted = crude /
/// hostPopulationRatio` and, with the causal share c (the part of the log association that the post
/// causes), `RR(c) = 1 + (adjusted^c − 1) × outcomeWeight`. The model's lognormal takes the mean and
/// variance of `ln RR` over the readings (equally weighted) and over c's distribution (an even grid
/// of its quantiles), plus the sampling variance of the 18% (`E[c²] (1/(share·n) + 1/((1−share)·n))`),
/// with the log-scale standard deviation no lower than `identificationRateRatioMinimumLogSD`.
public struct RateRatioDerivation: Sendable {
    /// Which other councils the 9 are compared with.
    public enum ComparisonSet: String, CaseIterable, Sendable {
        case allOthers = "all other councils"
        case referringOthers = "other councils that referred an adult"
        case adultSocialCareOthers = "other councils with adult social care duties"
    }

    /// Per council, or per resident.
    public enum Basis: String, CaseIterable, Sendable {
        case perCouncil = "per council"
        case perResident = "per resident"
    }

    /// Whether the ratio applies to NRM + DtN or to NRM referrals only.
    public enum Outcome: String, CaseIterable, Sendable {
        case nrmAndDutyToNotify = "NRM + DtN"
        case nrmOnly = "NRM only"
    }

    /// One reading of the 18% sentence.
    public struct Reading: Sendable {
        public let comparison: ComparisonSet
        public let basis: Basis
        public let outcome: Outcome
        /// Councils in the comparison set.
        public let comparisonCouncils: Double
        /// Adult referrals per coordinator council over those per comparison council.
        public let crudeRatio: Double
        /// Mean population of the host councils over that of the comparison set (1 per council).
        public let hostPopulationRatio: Double
        /// `crudeRatio / hostPopulationRatio`.
        public let adjustedRatio: Double
        /// The share of the NRM + DtN base the ratio applies to (1, or the NRM share).
        public let outcomeWeight: Double
        /// The rate ratio on NRM + DtN caused by a post, at the central causal share.
        public let rateRatioAtCentralCausalShare: Double

        /// `1 + (adjusted^c − 1) × outcomeWeight`.
        public func rateRatio(causalShare: Double) -> Double {
            RateRatioDerivation.rateRatio(adjustedRatio: adjustedRatio, causalShare: causalShare, outcomeWeight: outcomeWeight)
        }
    }

    /// The facts the derivation rests on (names in `Assumptions/impact.yaml`).
    public struct Facts: Sendable {
        /// `laAdultNRMReferrals2023` (277).
        public var adultReferrals: Double
        /// `laDutyToNotifyReports2023` (211).
        public var dutyToNotifyReports: Double
        /// `coordinatorShareOfLAAdultReferrals` (0.18).
        public var coordinatorShare: Double
        /// `coordinatorAuthorities2023` (9).
        public var coordinatorAuthorities: Double
        /// `laAuthoritiesReferringAdults2023` (218).
        public var authoritiesReferringAdults: Double
        /// `identificationRateRatioMinimumLogSD` (0.45).
        public var minimumLogSD: Double

        public init(adultReferrals: Double, dutyToNotifyReports: Double, coordinatorShare: Double,
                    coordinatorAuthorities: Double, authoritiesReferringAdults: Double, minimumLogSD: Double) {
            self.adultReferrals = adultReferrals
            self.dutyToNotifyReports = dutyToNotifyReports
            self.coordinatorShare = coordinatorShare
            self.coordinatorAuthorities = coordinatorAuthorities
            self.authoritiesReferringAdults = authoritiesReferringAdults
            self.minimumLogSD = minimumLogSD
        }

        /// The assumption names read by ``init(assumptions:)``.
        public static let assumptionNames: [AssumptionName] = [
            .laAdultNRMReferrals2023, .laDutyToNotifyReports2023, .coordinatorShareOfLAAdultReferrals,
            .coordinatorAuthorities2023, .laAuthoritiesReferringAdults2023, .identificationRateRatioMinimumLogSD,
        ]

        public init(assumptions: AssumptionSet) throws {
            self.init(adultReferrals: try assumptions.value(.laAdultNRMReferrals2023),
                      dutyToNotifyReports: try assumptions.value(.laDutyToNotifyReports2023),
                      coordinatorShare: try assumptions.value(.coordinatorShareOfLAAdultReferrals),
                      coordinatorAuthorities: try assumptions.value(.coordinatorAuthorities2023),
                      authoritiesReferringAdults: try assumptions.value(.laAuthoritiesReferringAdults2023),
                      minimumLogSD: try assumptions.value(.identificationRateRatioMinimumLogSD))
        }

        /// NRM referrals' share of local authorities' adult identifications (NRM + DtN).
        public var nrmShare: Double { adultReferrals / (adultReferrals + dutyToNotifyReports) }
    }

    public let facts: Facts
    /// The host councils (ONS codes), as the `existing` rule places them.
    public let hostCodes: [String]
    /// How the hosts were chosen (listed, flagged or illustrative).
    public let placement: ExistingPlacement
    /// Mean population of the host councils.
    public let hostMeanPopulation: Double
    /// Central causal share and the quantile grid of its distribution used for the moments.
    public let centralCausalShare: Double
    public let causalShareGrid: [Double]
    /// Every reading, in the order comparison set × basis × outcome.
    public let readings: [Reading]
    /// Mean and standard deviation of `ln RR` over the readings and the causal share, before the floor.
    public let logMean: Double
    public let logSDBeforeFloor: Double
    /// The sampling part of the log variance (the 18% rests on about 50 referrals).
    public let samplingLogVariance: Double

    /// The log-scale standard deviation used: at least the floor.
    public var logSD: Double { max(logSDBeforeFloor, facts.minimumLogSD) }
    /// The central rate ratio: the median of the lognormal, `exp(logMean)`.
    public var centralRateRatio: Double { exp(logMean) }

    /// `1 + (adjusted^c − 1) × outcomeWeight`: the caused ratio on the NRM + DtN base.
    public static func rateRatio(adjustedRatio: Double, causalShare: Double, outcomeWeight: Double) -> Double {
        1 + (pow(adjustedRatio, causalShare) - 1) * outcomeWeight
    }

    /// Runs the derivation for the `hostCodes` of `authorities`.
    ///
    /// - Parameters:
    ///   - causalShare: the `causalShare` distribution (fixed, uniform or triangular).
    ///   - gridSize: quantiles of the causal share averaged over (midpoints of equal-probability slices).
    public init(facts: Facts, authorities: AuthorityTable, hostCodes: [String], placement: ExistingPlacement,
                centralCausalShare: Double, causalShare: Distribution, gridSize: Int = 200) throws {
        self.facts = facts
        self.hostCodes = hostCodes
        self.placement = placement
        self.centralCausalShare = centralCausalShare
        let hosts = Set(hostCodes)
        let hostRows = authorities.authorities.filter { hosts.contains($0.code) }
        let others = authorities.authorities.filter { !hosts.contains($0.code) }
        let adultSocialCare = others.filter { $0.tier.hasAdultSocialCareDuties }
        func meanPopulation(_ rows: [Authority]) -> Double {
            rows.isEmpty ? 0 : Double(rows.reduce(0) { $0 + $1.population }) / Double(rows.count)
        }
        hostMeanPopulation = meanPopulation(hostRows)
        let othersMean = meanPopulation(others), adultSocialCareMean = meanPopulation(adultSocialCare)
        // The report does not say which 209 councils referred an adult: they are taken to be as large,
        // on average, as all the other councils.
        let sets: [(ComparisonSet, Double, Double)] = [
            (.allOthers, Double(others.count), othersMean),
            (.referringOthers, facts.authoritiesReferringAdults - facts.coordinatorAuthorities, othersMean),
            (.adultSocialCareOthers, Double(adultSocialCare.count), adultSocialCareMean),
        ]
        let odds = facts.coordinatorShare / (1 - facts.coordinatorShare)
        var readings: [Reading] = []
        for (set, councils, meanPopulation) in sets {
            let crude = odds * councils / facts.coordinatorAuthorities
            for basis in Basis.allCases {
                let populationRatio = basis == .perCouncil ? 1 : hostMeanPopulation / meanPopulation
                for outcome in Outcome.allCases {
                    let weight = outcome == .nrmOnly ? facts.nrmShare : 1
                    let adjusted = crude / populationRatio
                    readings.append(Reading(
                        comparison: set, basis: basis, outcome: outcome, comparisonCouncils: councils, crudeRatio: crude,
                        hostPopulationRatio: populationRatio, adjustedRatio: adjusted, outcomeWeight: weight,
                        rateRatioAtCentralCausalShare: Self.rateRatio(adjustedRatio: adjusted, causalShare: centralCausalShare,
                                                                      outcomeWeight: weight)))
                }
            }
        }
        guard readings.allSatisfy({ $0.adjustedRatio > 0 && $0.adjustedRatio.isFinite }) else {
            throw InputError(file: authorities.file, key: "population",
                             message: "the rate-ratio derivation needs councils with residents on both sides; expected positive populations")
        }
        self.readings = readings
        let grid = try (0..<gridSize).map { try causalShare.closedFormQuantile((Double($0) + 0.5) / Double(gridSize)) }
        causalShareGrid = grid
        var sum = 0.0, sumSquares = 0.0, n = 0.0
        for reading in readings {
            for c in grid {
                let value = log(reading.rateRatio(causalShare: c))
                sum += value
                sumSquares += value * value
                n += 1
            }
        }
        let mean = sum / n
        let meanSquareC = grid.reduce(0) { $0 + $1 * $1 } / Double(grid.count)
        let referrals = facts.adultReferrals
        samplingLogVariance = meanSquareC * (1 / (facts.coordinatorShare * referrals) + 1 / ((1 - facts.coordinatorShare) * referrals))
        logMean = mean
        logSDBeforeFloor = sqrt(max(0, sumSquares / n - mean * mean) + samplingLogVariance)
    }

    /// The councils the ratio is measured in, each with one post of `fte` (the shipped posts are
    /// full time): the `existing` rule's placement of `coordinatorAuthorities2023` posts, as
    /// `status-quo` and ``derive(assumptions:authorities:)`` place them.
    public static func hostCalibration(assumptions: AssumptionSet, authorities: AuthorityTable) throws -> HostCalibration {
        let count = Int(try assumptions.value(.coordinatorAuthorities2023).rounded())
        let (codes, _) = try DeploymentRule.existingPlacement(count: count, authorities: authorities)
        return HostCalibration(codes: codes, authorities: authorities, fte: try assumptions.value(.fte))
    }

    /// The hosts' coverage at the central coverage inputs (``HostCalibration``), for the notes;
    /// nil when the derivation was built without them.
    public var hostCoverageAtCentralInputs: Double? = nil

    /// The chance a draw of the lognormal falls at or below 1, where a post adds nothing:
    /// `Φ(−logMean / logSD)`.
    public var probabilityNoEffect: Double { 0.5 * erfc(logMean / logSD / 2.0.squareRoot()) }
    /// The mean of the lognormal, `exp(μ + σ²/2)`, and the mean once draws below 1 are held at 1,
    /// `exp(μ + σ²/2) · Φ((μ + σ²)/σ) + Φ(−μ/σ)`.
    public var meanRateRatio: Double { exp(logMean + logSD * logSD / 2) }
    public var meanRateRatioHeldAtOne: Double {
        let phi = { (x: Double) in 0.5 * erfc(-x / 2.0.squareRoot()) }
        return meanRateRatio * phi((logMean + logSD * logSD) / logSD) + phi(-logMean / logSD)
    }

    /// The derivation for `assumptions` and `authorities`: the hosts are the `existing` rule's
    /// placement of `coordinatorAuthorities2023` posts (as `status-quo` places them).
    public static func derive(assumptions: AssumptionSet, authorities: AuthorityTable) throws -> RateRatioDerivation {
        let facts = try Facts(assumptions: assumptions)
        let causal = try assumptions.assumption(.causalShare)
        let count = Int(facts.coordinatorAuthorities.rounded())
        let (codes, placement) = try DeploymentRule.existingPlacement(count: count, authorities: authorities)
        var derivation = try RateRatioDerivation(facts: facts, authorities: authorities, hostCodes: codes, placement: placement,
                                                 centralCausalShare: causal.value, causalShare: causal.distribution)
        if let parameters = try? CoverageParameters.central(from: assumptions),
           let countyShare = try? assumptions.value(.countyShareOfTwoTierIdentifications),
           let fte = try? assumptions.value(.fte) {
            derivation.hostCoverageAtCentralInputs = HostCalibration(codes: codes, authorities: authorities, fte: fte)
                .coverage(parameters, countyShare: countyShare)
        }
        return derivation
    }

    /// The `identificationRateRatio` assumption this derivation gives: lognormal with the median
    /// ``centralRateRatio`` and log-scale SD ``logSD``, evidence `derived`, the readings in its notes.
    public func assumption(origin: String) -> Assumption {
        func f(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }
        let low = readings.min { $0.rateRatioAtCentralCausalShare < $1.rateRatioAtCentralCausalShare }!
        let high = readings.max { $0.rateRatioAtCentralCausalShare < $1.rateRatioAtCentralCausalShare }!
        let placementText: String
        switch placement {
        case .mostPopulousSingleTier:
            placementText = "the \(hostCodes.count) most populous single-tier councils, as status-quo places them (only the count is sourced)"
        case .flagged: placementText = "the \(hostCodes.count) councils flagged has_msc in the authority table"
        case .listed: placementText = "the \(hostCodes.count) councils listed"
        }
        let coverageText = hostCoverageAtCentralInputs.map {
            "at the central coverage inputs (sharing.yaml) a host's single post gives it \(f($0)) of a full post's effect (c̄, the hosts' coverage weighted by their baseline identifications)."
        } ?? "their coverage is worked out from sharing.yaml's coverage inputs."
        let notes = """
            Derived when the assumptions are loaded, from the Acting Local facts (laAdultNRMReferrals2023, \
            coordinatorShareOfLAAdultReferrals, coordinatorAuthorities2023, laAuthoritiesReferringAdults2023, \
            laDutyToNotifyReports2023), causalShare and the authority table; `msc assumptions --explain \
            identificationRateRatio` shows every step. Hosts: \(placementText), mean population \
            \(f(hostMeanPopulation, 0)). \(readings.count) readings of the 18% sentence (comparison set × per council or \
            per resident × NRM + DtN or NRM only) give, at causal share \(f(centralCausalShare)), rate ratios from \
            \(f(low.rateRatioAtCentralCausalShare)) (\(low.comparison.rawValue), \(low.basis.rawValue), \(low.outcome.rawValue)) \
            to \(f(high.rateRatioAtCentralCausalShare)) (\(high.comparison.rawValue), \(high.basis.rawValue), \
            \(high.outcome.rawValue)). Over the readings (equally weighted) and the causal share's distribution, ln RR \
            has mean \(f(logMean, 4)) and standard deviation \(f(logSDBeforeFloor, 3)) (sampling error of the 18% \
            included); the standard deviation used is \(f(logSD, 3)) (no lower than \(f(facts.minimumLogSD)): one \
            year, rounded and unconfirmed figures, no per-council data). Median \(f(centralRateRatio)), 90% interval \
            \(f(exp(logMean - 1.6449 * logSD))) to \(f(exp(logMean + 1.6449 * logSD))). This is the ratio in the \
            host councils at their own coverage, which is what the 18% measures: \(coverageText) The model \
            applies RR_full = 1 + max(0, RR − 1) / c̄ at full coverage, with c̄ the hosts' coverage worked out \
            in each draw from that draw's coverage inputs, so that the model run on the hosts with their own \
            coverage gives back the 18% share. A draw below 1 (probability \(f(100 * probabilityNoEffect, 1))%) \
            is a post that adds nothing, not one that reduces identifications: no mechanism for that has been \
            offered. Holding those draws at 1 raises the mean ratio from \(f(meanRateRatio, 3)) to \
            \(f(meanRateRatioHeldAtOne, 3)).
            """
        return Assumption(
            name: AssumptionName.identificationRateRatio.rawValue,
            description: "Rate ratio of adult identification (NRM referrals plus DtN reports) in the councils with a post today, at their own coverage and at full effect, over the rate without a post (the model scales it to full coverage).",
            unit: .ratio, value: centralRateRatio,
            distribution: .lognormal(logMean: logMean, logStandardDeviation: logSD),
            sources: [Source(title: "Acting Local: The Need for Modern Slavery Coordinators in Local Authorities",
                             publisher: "Human Trafficking Foundation", date: "2025-01",
                             page: "Introduction and Identification (pp.6-7 and 11): 277 adult referrals, 211 DtN; 9 authorities; 18%; 218 referring authorities")],
            evidence: .derived, notes: notes, origin: origin)
    }

    /// `assumptions` with `identificationRateRatio` derived for `authorities`, unless the set
    /// already defines it (a fitted estimate in the folder, or a scenario's own value).
    public static func completing(_ assumptions: AssumptionSet, authorities: AuthorityTable) throws -> AssumptionSet {
        guard assumptions[.identificationRateRatio] == nil else { return assumptions }
        var set = assumptions
        let origin = "derived from \(assumptions.location)/impact.yaml and \(authorities.file)"
        set.replace(try derive(assumptions: assumptions, authorities: authorities).assumption(origin: origin))
        set.rateRatioIsDerived = true
        return set
    }
}

extension AuthorityTier {
    /// Councils with adult social care duties (Care Act 2014): all but district councils.
    public var hasAdultSocialCareDuties: Bool { self != .district }
}

extension Distribution {
    /// The p-quantile where it has a simple closed form (fixed, uniform, triangular); an error otherwise.
    public func closedFormQuantile(_ p: Double) throws -> Double {
        switch self {
        case .fixed(let value): return value
        case .uniform(let lo, let hi): return lo + p * (hi - lo)
        case .triangular(let lo, let mode, let hi):
            guard hi > lo else { return lo }
            let split = (mode - lo) / (hi - lo)
            return p < split ? lo + sqrt(p * (hi - lo) * (mode - lo)) : hi - sqrt((1 - p) * (hi - lo) * (hi - mode))
        default:
            throw InputError(file: AssumptionName.causalShare.rawValue, key: "distribution",
                             message: "the rate-ratio derivation needs a fixed, uniform or triangular causal share; found \(summary)")
        }
    }
}
