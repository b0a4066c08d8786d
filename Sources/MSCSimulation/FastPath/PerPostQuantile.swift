import CKernels
import GSLKit
import MSCModel

/// A per-post input drawn as the quantile of one uniform (fixed, uniform or triangular), with
/// what stays the same from draw to draw worked out once. Each value is computed exactly as
/// ``Distribution/draw(fromUniform:)`` computes it (the same operations in the same order),
/// then held to the assumption's admissible range.
///
/// The Monte Carlo takes a salary and a budget for every post in every iteration (678 a national
/// iteration), so ``values(salary:budget:uniforms:salaries:budgets:posts:)`` runs one loop
/// specialised to the pair of shapes: no switch on the shape per value, and a loop the compiler
/// can vectorise.
enum PerPostQuantile {
    case fixed(FixedValue)
    case uniform(UniformValue)
    case triangular(TriangularValue)
    case invalid(InvalidValue)

    /// Nil for a distribution that is not the quantile of a single uniform.
    init?(_ assumption: Assumption) {
        let range = assumption.admissibleRange
        switch assumption.distribution {
        case .fixed(let value):
            self = .fixed(FixedValue(value: value.clamped(to: range)))
        case .uniform(let lower, let upper):
            self = lower.isFinite && upper.isFinite && lower <= upper
                ? .uniform(UniformValue(lower: lower, upper: upper, range: range)) : .invalid(InvalidValue(range: range))
        case .triangular(let minimum, let mode, let maximum):
            self = TriangularQuantile(minimum: minimum, mode: mode, maximum: maximum)
                .map { .triangular(TriangularValue(quantile: $0, range: range)) } ?? .invalid(InvalidValue(range: range))
        default:
            return nil
        }
    }

    /// 1 when a value takes a uniform, 0 for a fixed value.
    var uniformsPerDraw: Int {
        if case .fixed = self { return 0 }
        return 1
    }

    /// Each post's salary and budget from `uniforms`, laid out post after post as the draws one by
    /// one take them (the salary's uniform, then the budget's; none for a fixed value).
    /// `portable` asks the C loop for its build without the processor's wider registers (tests).
    static func values(salary: PerPostQuantile, budget: PerPostQuantile, uniforms: UnsafeBufferPointer<Double>,
                       salaries: UnsafeMutableBufferPointer<Double>, budgets: UnsafeMutableBufferPointer<Double>, posts: Int,
                       portable: Bool = false) {
        // The shipped pair (a triangular salary, a uniform budget) in C, several posts at a time.
        if case .triangular(let salaryShape) = salary, case .uniform(let budgetShape) = budget,
           let u = uniforms.baseAddress, let salaryOut = salaries.baseAddress, let budgetOut = budgets.baseAddress {
            let q = salaryShape.quantile
            var shape = msc_triangular_uniform_shape(
                salaryMinimum: q.minimum, salaryMaximum: q.maximum, salaryWidth: q.width, salaryModeFraction: q.modeFraction,
                salaryBelowMode: q.belowMode, salaryAboveMode: q.aboveMode,
                salaryAdmissibleLow: salaryShape.range.lowerBound, salaryAdmissibleHigh: salaryShape.range.upperBound,
                budgetLower: budgetShape.lower, budgetUpper: budgetShape.upper,
                budgetAdmissibleLow: budgetShape.range.lowerBound, budgetAdmissibleHigh: budgetShape.range.upperBound)
            if portable {
                msc_triangular_uniform_values_portable(u, posts, &shape, salaryOut, budgetOut)
            } else {
                msc_triangular_uniform_values(u, posts, &shape, salaryOut, budgetOut)
            }
            return
        }
        switch salary {
        case .fixed(let shape): values(salary: shape, budget: budget, uniforms, salaries, budgets, posts)
        case .uniform(let shape): values(salary: shape, budget: budget, uniforms, salaries, budgets, posts)
        case .triangular(let shape): values(salary: shape, budget: budget, uniforms, salaries, budgets, posts)
        case .invalid(let shape): values(salary: shape, budget: budget, uniforms, salaries, budgets, posts)
        }
    }

    private static func values<Salary: UnitQuantile>(
        salary: Salary, budget: PerPostQuantile, _ uniforms: UnsafeBufferPointer<Double>,
        _ salaries: UnsafeMutableBufferPointer<Double>, _ budgets: UnsafeMutableBufferPointer<Double>, _ posts: Int) {
        switch budget {
        case .fixed(let shape): fill(salary, shape, uniforms, salaries, budgets, posts)
        case .uniform(let shape): fill(salary, shape, uniforms, salaries, budgets, posts)
        case .triangular(let shape): fill(salary, shape, uniforms, salaries, budgets, posts)
        case .invalid(let shape): fill(salary, shape, uniforms, salaries, budgets, posts)
        }
    }

    @inline(__always)
    private static func fill<Salary: UnitQuantile, Budget: UnitQuantile>(
        _ salary: Salary, _ budget: Budget, _ uniforms: UnsafeBufferPointer<Double>,
        _ salaries: UnsafeMutableBufferPointer<Double>, _ budgets: UnsafeMutableBufferPointer<Double>, _ posts: Int) {
        let salaryUniforms = Salary.takesUniform ? 1 : 0
        let perPost = salaryUniforms + (Budget.takesUniform ? 1 : 0)
        guard let salaryOut = salaries.baseAddress, let budgetOut = budgets.baseAddress else { return }
        guard perPost > 0, let u = uniforms.baseAddress else {
            for post in 0..<posts {
                salaryOut[post] = salary.value(0)
                budgetOut[post] = budget.value(0)
            }
            return
        }
        var post = 0
        while post < posts {
            let first = perPost &* post
            salaryOut[post] = salary.value(Salary.takesUniform ? u[first] : 0)
            budgetOut[post] = budget.value(Budget.takesUniform ? u[first &+ salaryUniforms] : 0)
            post &+= 1
        }
    }
}

/// One shape of ``PerPostQuantile``: the value at a uniform, held to the admissible range.
protocol UnitQuantile {
    /// Whether a value takes a uniform (false for a fixed value, which takes none).
    static var takesUniform: Bool { get }
    func value(_ u: Double) -> Double
}

struct FixedValue: UnitQuantile {
    static var takesUniform: Bool { false }
    /// Already held to the admissible range.
    let value: Double
    @inline(__always) func value(_ u: Double) -> Double { value }
}

struct UniformValue: UnitQuantile {
    static var takesUniform: Bool { true }
    let lower: Double
    let upper: Double
    let range: ClosedRange<Double>
    @inline(__always) func value(_ u: Double) -> Double { (lower + u * (upper - lower)).clamped(to: range) }
}

struct TriangularValue: UnitQuantile {
    static var takesUniform: Bool { true }
    let quantile: TriangularQuantile
    let range: ClosedRange<Double>
    @inline(__always) func value(_ u: Double) -> Double { quantile(u).clamped(to: range) }
}

/// Bounds that give no distribution: every value is NaN, as ``Distribution/draw(fromUniform:)`` gives.
struct InvalidValue: UnitQuantile {
    static var takesUniform: Bool { true }
    let range: ClosedRange<Double>
    @inline(__always) func value(_ u: Double) -> Double { Double.nan.clamped(to: range) }
}
