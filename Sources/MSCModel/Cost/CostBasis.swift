/// A salary carried from the financial year it is quoted for to the year a post is costed in, by
/// the NJC pay awards between (``PayAwards``): forward by each award after `from` up to `to`, or
/// back by the same awards when `to` is earlier.
public struct PayAdjustment: Sendable, Equatable {
    /// The year the salary is quoted for and the year it is brought to.
    public let from: String
    public let to: String
    /// The awards applied, oldest first, each saying whether it is agreed (empty when `from == to`).
    public let awards: [PayAwards.Award]
    /// What a salary quoted for `from` is multiplied by: the product of `1 + award` (its inverse
    /// when `to` is earlier).
    public let factor: Double

    /// No change: a salary already in `year`'s pounds.
    public static func none(in year: String) -> PayAdjustment {
        PayAdjustment(from: year, to: year, awards: [], factor: 1)
    }

    /// The awards between `from` and `to` in `assumptions` (agreed in `payAward`, else the
    /// pending assumption such as `payAward2026to27`); throws when a year has no award.
    public static func between(_ from: String, and to: String, in assumptions: AssumptionSet) throws -> PayAdjustment {
        guard let start = FinancialYear(from), let end = FinancialYear(to) else {
            throw InputError(file: assumptions.location, key: AssumptionName.salaryQuotedForYearStarting.rawValue,
                             message: "expected financial years such as 2025-26, found \(from) and \(to)")
        }
        let forward = start <= end
        let awards = try PayAwards.awards(from: min(start, end).description, to: max(start, end).description, in: assumptions)
        let product = PayAwards.factor(awards)
        return PayAdjustment(from: start.description, to: end.description, awards: awards, factor: forward ? product : 1 / product)
    }

    /// One award in words: `the 2026-27 pay award 3.3% (not agreed: payAward2026to27)`.
    public static func describe(_ award: PayAwards.Award) -> String {
        // Rounded to a millionth of a point so that 0.033 reads 3.3, not 3.3000000000000003.
        let percent = String(describing: (award.rate * 100 * 1e6).rounded() / 1e6)
        let trimmed = percent.hasSuffix(".0") ? String(percent.dropLast(2)) : percent
        return "\(award.year) \(trimmed)%" + (award.agreed ? "" : " (not agreed: \(award.assumption))")
    }

    /// The awards in words, e.g. `the NJC pay award 2026-27 3.3% (not agreed: payAward2026to27)`;
    /// nil when there is none.
    public var awardsText: String? {
        guard !awards.isEmpty else { return nil }
        let list = awards.map(Self.describe)
        let joined = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " and " + list.last!
        return "the NJC pay award\(awards.count == 1 ? "" : "s") \(joined)"
    }

    /// The adjustment in words, e.g. `brought forward from 2025-26 to 2026-27 by the NJC pay award
    /// 2026-27 3.3% (not agreed: payAward2026to27)`; nil when there is none.
    public var sentence: String? {
        guard let awardsText else { return nil }
        let direction = FinancialYear(from)! <= FinancialYear(to)! ? "forward" : "back"
        return "brought \(direction) from \(from) to \(to) by \(awardsText)"
    }

    /// `assumption` (a salary quoted for `from`) in `to`'s pounds: its value and its whole
    /// distribution scaled by ``factor``, with a note saying how; unchanged when there is no award.
    public func applied(to assumption: Assumption) throws -> Assumption {
        guard let awardsText else { return assumption }
        guard let distribution = assumption.distribution.scaled(by: factor) else {
            throw InputError(file: assumption.origin, key: assumption.name,
                             message: "a \(assumption.distribution.kind.rawValue) distribution cannot be scaled to \(to) pounds; expected a salary's distribution (triangular, PERT, uniform, normal, lognormal or fixed)")
        }
        return assumption.overridden(value: assumption.value * factor, distribution: distribution,
                                     by: "\(awardsText), bringing it from \(from) to \(to) pounds")
    }
}

/// The basis a post is costed on (DESIGN 3.1, 3.7): the tax year whose employer National
/// Insurance applies and the full-time salary in that year's pounds. Every command and the
/// scenario plan ask this one rule:
///
/// - the tax year is the one asked for, else the scenario's price base year, else (no scenario,
///   plain `msc cost`) the report's basis, the year the salary is quoted for
///   (`salaryQuotedForYearStarting`, 2025-26), so that `msc cost` reproduces £57,533;
/// - a salary from the shipped assumptions is quoted for that year and brought to the tax year by
///   the NJC pay awards between (an award not yet agreed, such as `payAward2026to27`, at its
///   central value and said to be not agreed);
/// - a salary the user gives (`--salary`), or that replaces the folder's (a scenario's
///   `overrides:`, `--set`, an override on the web page), is taken to be in the tax year's pounds already, unless the year it is quoted for is given
///   (`--salary-year`): it is never brought forward twice.
///
/// ```swift
/// let basis = try CostBasis(assumptions: assumptions, scenario: loaded.scenario)
/// print(basis.taxYear, basis.fullTimeSalary, basis.salaryAdjustment.sentence ?? "")
/// ```
public struct CostBasis: Sendable, Equatable {
    /// What the user chose, each nil to take the rule's default.
    public struct Choices: Sendable, Equatable {
        /// The tax year to cost in (`--tax-year`).
        public var taxYear: String?
        /// A full-time salary (`--salary`), in `salaryYear`'s pounds, else the tax year's.
        public var salary: Double?
        /// The financial year `salary` (or the shipped salary) is quoted for (`--salary-year`).
        public var salaryYear: String?

        public init(taxYear: String? = nil, salary: Double? = nil, salaryYear: String? = nil) {
            self.taxYear = taxYear
            self.salary = salary
            self.salaryYear = salaryYear
        }
    }

    /// The tax year whose National Insurance applies and whose pounds the salary is in.
    public let taxYear: String
    /// The central rates, with employer National Insurance and its threshold for ``taxYear``.
    public let rates: PostCostRates
    /// The coordinator's full-time salary as given, in the pounds of ``salaryAdjustment``'s `from`.
    public let quotedSalary: Double
    /// How that salary is brought to ``taxYear`` (none when already in its pounds).
    public let salaryAdjustment: PayAdjustment
    /// How a salary of the shipped assumptions (quoted for `salaryQuotedForYearStarting`) is
    /// brought to ``taxYear``: the coordinator's unless set otherwise, and trainees' pay.
    public let shippedPayAdjustment: PayAdjustment
    /// Salary assumptions set in ``taxYear``'s pounds (overriding the folder's): not brought forward.
    public let salariesSetInTaxYear: Set<String>

    /// The full-time salary in ``taxYear``'s pounds.
    public var fullTimeSalary: Double { quotedSalary * salaryAdjustment.factor }
    /// The pay awards the salary was brought forward by (empty when none).
    public var awards: [PayAwards.Award] { salaryAdjustment.awards }

    /// The basis for `assumptions` (after any scenario's overrides), costing `scenario`'s posts
    /// when given, with the user's `choices`.
    ///
    /// - Throws: ``InputError`` with file `command line` and key `tax-year` or `salary-year` when a
    ///   choice is out of reach (its message starts with the value given); an ``InputError``
    ///   naming the assumption when a year has no National Insurance rate or no pay award.
    public init(assumptions: AssumptionSet, scenario: Scenario? = nil, choices: Choices = Choices()) throws {
        let shippedYear = try PostCostRates.defaultTaxYear(in: assumptions)
        let year = choices.taxYear ?? scenario?.priceBaseYear ?? shippedYear
        if let asked = choices.taxYear {
            let reach = try PostCostRates.taxYearReach(in: assumptions)
            guard let parsed = FinancialYear(asked), reach.contains(parsed) else {
                throw InputError(file: "command line", key: "tax-year", message: "\(asked): \(reach.expectation("a tax year"))")
            }
        }
        // A salary that replaces the folder's (scenario, --set, web page) is in the tax year's pounds.
        var setInYear = Set(Self.salaryAssumptionNames).filter { name in
            assumptions.byName[name]?.isOverride == true
        }
        if choices.salary != nil { setInYear.insert(AssumptionName.salary.rawValue) }
        let quotedYear: String
        if let salaryYear = choices.salaryYear {
            let awards = try assumptions.assumption(.payAward)
            // A salary quoted the year before the first known award can be brought forward by it.
            let first = awards.periods.compactMap(FinancialYear.init).first.map { $0.advanced(by: -1) } ?? FinancialYear(year)!
            guard let quoted = FinancialYear(salaryYear), first <= quoted, quoted <= FinancialYear(year)! else {
                throw InputError(file: "command line", key: "salary-year",
                                 message: "\(salaryYear): expected a year from \(first) to the tax year \(year) "
                                     + "(pay awards in \(awards.origin) cover \(awards.periods.joined(separator: ", ")))")
            }
            quotedYear = quoted.description
        } else {
            quotedYear = setInYear.contains(AssumptionName.salary.rawValue) ? year : shippedYear
        }
        taxYear = year
        rates = try PostCostRates.central(from: assumptions, taxYear: year)
        quotedSalary = try choices.salary ?? assumptions.value(.salary)
        salaryAdjustment = try PayAdjustment.between(quotedYear, and: year, in: assumptions)
        shippedPayAdjustment = try PayAdjustment.between(shippedYear, and: year, in: assumptions)
        salariesSetInTaxYear = setInYear
    }

    /// The assumptions that are salaries quoted for `salaryQuotedForYearStarting`: the
    /// coordinator's and each training tier's trainees'. Each is used in the tax year's pounds.
    public static var salaryAssumptionNames: [String] {
        ([.salary] + TrainingTier.allCases.map { AssumptionName.training(.salary, tier: $0) }).map(\.rawValue)
    }

    /// The salary assumption `name` (`salary`, or a trainee's such as `trainingTier2Salary`) in
    /// ``taxYear``'s pounds: a shipped one brought forward by ``shippedPayAdjustment`` (value and
    /// distribution scaled, with a note saying by which awards), one set in the tax year's pounds
    /// unchanged.
    public func salaryAssumption(_ name: String, in assumptions: AssumptionSet) throws -> Assumption {
        let assumption = try assumptions.assumption(name)
        return salariesSetInTaxYear.contains(name) ? assumption : try shippedPayAdjustment.applied(to: assumption)
    }

    /// The salary assumption `name` in ``taxYear``'s pounds (as the one taking the name as text).
    public func salaryAssumption(_ name: AssumptionName, in assumptions: AssumptionSet) throws -> Assumption {
        try salaryAssumption(name.rawValue, in: assumptions)
    }

    /// Whether the salary assumption `name` was set in ``taxYear``'s pounds (so not brought forward).
    public func isSetInTaxYear(_ name: AssumptionName) -> Bool { salariesSetInTaxYear.contains(name.rawValue) }
}
