/// The rates that turn a salary into the employer's cost of a post for one year.
///
/// Formula (DESIGN 3.1, after HMRC's Class 1 secondary contributions and the LGPS employer rate):
/// `cost = S + NI(S) + pension·S + levy·S + overhead·S + operationalBudget`, with
/// `NI(S) = rate · max(0, S − secondaryThreshold)` per employee. Councils are public bodies doing
/// mainly public functions and cannot claim the Employment Allowance (HMRC NIM06530), so none is applied.
public struct PostCostRates: Sendable, Equatable {
    /// Employer (secondary Class 1) National Insurance rate above the threshold, a fraction.
    public var employerNIRate: Double
    /// Secondary threshold per employee, pounds per year.
    public var niSecondaryThreshold: Double
    /// Employer pension contribution as a fraction of salary (LGPS).
    public var pensionRate: Double
    /// Apprenticeship levy as a fraction of salary (0 to leave it out, as the report does).
    public var apprenticeshipLevyRate: Double
    /// Overheads (accommodation, IT, management) as a fraction of salary (0 to leave them out).
    public var overheadRate: Double
    /// Non-pay operational budget of the post, pounds per year (not scaled by FTE).
    public var operationalBudget: Double

    public init(employerNIRate: Double, niSecondaryThreshold: Double, pensionRate: Double,
                apprenticeshipLevyRate: Double, overheadRate: Double, operationalBudget: Double) {
        self.employerNIRate = employerNIRate
        self.niSecondaryThreshold = niSecondaryThreshold
        self.pensionRate = pensionRate
        self.apprenticeshipLevyRate = apprenticeshipLevyRate
        self.overheadRate = overheadRate
        self.operationalBudget = operationalBudget
    }

    /// Pay-linked on-costs as a fraction of salary, excluding NI (pension + levy + overheads).
    public var proportionalOnCostRate: Double { pensionRate + apprenticeshipLevyRate + overheadRate }
}

/// One year's employer cost of a post, line by line, in pounds.
public struct PostCostBreakdown: Sendable, Equatable, Codable {
    /// Salary paid (full-time salary × FTE).
    public let salary: Double
    /// Employer National Insurance contributions.
    public let employerNI: Double
    /// Employer pension contributions.
    public let pension: Double
    /// Apprenticeship levy attributed to the post.
    public let apprenticeshipLevy: Double
    /// Overheads attributed to the post.
    public let overheads: Double
    /// Operational (non-pay) budget.
    public let operationalBudget: Double

    /// Salary plus all pay-linked on-costs: what employing the person costs.
    public var employmentCost: Double { salary + employerNI + pension + apprenticeshipLevy + overheads }
    /// Everything: employment cost plus the operational budget.
    public var total: Double { employmentCost + operationalBudget }
}

/// The employer cost of a coordinator post.
public enum PostCost {
    /// The cost of a post for one year from its full-time salary and FTE.
    ///
    /// FTE below 1 scales the salary paid but not the NI threshold, which applies per employee.
    public static func breakdown(fullTimeSalary: Double, fte: Double = 1, rates: PostCostRates) -> PostCostBreakdown {
        let paid = fullTimeSalary * fte
        return PostCostBreakdown(
            salary: paid,
            employerNI: rates.employerNIRate * max(0, paid - rates.niSecondaryThreshold),
            pension: rates.pensionRate * paid,
            apprenticeshipLevy: rates.apprenticeshipLevyRate * paid,
            overheads: rates.overheadRate * paid,
            operationalBudget: rates.operationalBudget)
    }

    /// The total yearly cost of a post, the sum of ``breakdown(fullTimeSalary:fte:rates:)``.
    public static func total(fullTimeSalary: Double, fte: Double = 1, rates: PostCostRates) -> Double {
        breakdown(fullTimeSalary: fullTimeSalary, fte: fte, rates: rates).total
    }

    /// The yearly cost of a post of `fte` full-time equivalents held by as many people as it takes:
    /// each whole FTE is one person with their own NI threshold and operational budget, and a
    /// remaining fraction is one more, part-time person.
    public static func totalForPost(fte: Double, fullTimeSalary: Double, rates: PostCostRates) -> Double {
        guard fte > 0 else { return 0 }
        let whole = fte.rounded(.down)
        let part = fte - whole
        var cost = whole * total(fullTimeSalary: fullTimeSalary, fte: 1, rates: rates)
        if part > 1e-9 { cost += total(fullTimeSalary: fullTimeSalary, fte: part, rates: rates) }
        return cost
    }

    /// The full-time salary whose post costs `targetTotal` a year, or nil when even a zero salary costs more.
    ///
    /// The cost is piecewise linear in salary (NI starts at the threshold), so the inverse is exact:
    /// above the threshold `S·f = (total − budget + r·T) / (1 + on-costs + r)`.
    public static func salary(forTotal targetTotal: Double, fte: Double = 1, rates: PostCostRates) -> Double? {
        let payBudget = targetTotal - rates.operationalBudget
        guard payBudget >= 0, fte > 0 else { return nil }
        let linear = 1 + rates.proportionalOnCostRate
        let belowThreshold = payBudget / linear
        let paid: Double
        if belowThreshold <= rates.niSecondaryThreshold {
            paid = belowThreshold
        } else {
            paid = (payBudget + rates.employerNIRate * rates.niSecondaryThreshold) / (linear + rates.employerNIRate)
        }
        return paid / fte
    }

    /// The full-time salary after `years` of real pay growth at `growthRate` per year.
    public static func salary(_ baseSalary: Double, afterYears years: Int, growthRate: Double) -> Double {
        baseSalary * pow(1 + growthRate, Double(years))
    }
}

import Foundation
