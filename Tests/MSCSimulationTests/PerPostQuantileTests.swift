import Testing
import GSLKit
@testable import MSCModel
@testable import MSCSimulation

/// The per-post loop turns uniforms into salaries and budgets exactly as drawing each one from
/// its distribution and holding it to its admissible range does, bit for bit, for every pair of
/// shapes (fixed, uniform, triangular with the mode inside or at either end), whichever side of
/// the mode a uniform falls and whether the range clamps the value or not.
@Test func perPostValuesEqualTheDistributionsDrawnOneByOne() {
    func assumption(_ distribution: Distribution, unit: Unit = .gbpPerYear) -> Assumption {
        Assumption(name: "perPostTest", description: "A per-post test input.", unit: unit, value: distribution.mean,
                   distribution: distribution, sources: [], evidence: .illustrative, notes: "test", origin: "test")
    }
    let shapes: [Distribution] = [
        .fixed(44_490.84), .uniform(minimum: 0, maximum: 10_000), .triangular(minimum: 38_000, mode: 44_490.84, maximum: 52_000),
        .triangular(minimum: 0, mode: 0, maximum: 1), .triangular(minimum: 2, mode: 5, maximum: 5),
        .triangular(minimum: -4, mode: 1, maximum: 3), .uniform(minimum: -1, maximum: 1),
    ]
    let stream = RandomStream(seed: 99, algorithm: .tausworthe)
    var checked = 0
    for salaryShape in shapes {
        for budgetShape in shapes {
            let salary = assumption(salaryShape), budget = assumption(budgetShape)
            guard let salaryQuantile = PerPostQuantile(salary), let budgetQuantile = PerPostQuantile(budget) else {
                Issue.record("\(salaryShape), \(budgetShape) not a per-post quantile")
                continue
            }
            let posts = 37
            let perPost = salaryQuantile.uniformsPerDraw + budgetQuantile.uniformsPerDraw
            var uniforms = (0..<(perPost * posts)).map { _ in stream.uniform() }
            if !uniforms.isEmpty { uniforms[0] = 0 }
            var salaries = Array(repeating: Double.nan, count: posts), budgets = salaries
            uniforms.withUnsafeBufferPointer { u in
                salaries.withUnsafeMutableBufferPointer { s in
                    budgets.withUnsafeMutableBufferPointer { b in
                        PerPostQuantile.values(salary: salaryQuantile, budget: budgetQuantile, uniforms: u,
                                               salaries: s, budgets: b, posts: posts)
                    }
                }
            }
            var next = 0
            func drawn(_ assumption: Assumption) -> Double {
                guard assumption.distribution.isUncertain else {
                    return assumption.distribution.draw(fromUniform: 0).clamped(to: assumption.admissibleRange)
                }
                defer { next += 1 }
                return assumption.distribution.draw(fromUniform: uniforms[next]).clamped(to: assumption.admissibleRange)
            }
            for post in 0..<posts {
                let expectedSalary = drawn(salary), expectedBudget = drawn(budget)
                #expect(salaries[post].bitPattern == expectedSalary.bitPattern, "\(salaryShape) post \(post)")
                #expect(budgets[post].bitPattern == expectedBudget.bitPattern, "\(budgetShape) post \(post)")
                checked += 1
            }
        }
    }
    #expect(checked == 49 * 37)
}

/// The shipped pair (a triangular salary, a uniform budget) runs in C, built for the processor's
/// widest registers where it has them: the portable build gives the same bits, at every count of
/// posts (so every remainder of the loop's width is met) and on both sides of the mode.
@Test func theWideAndPortableSalaryLoopsGiveTheSameBits() throws {
    func assumption(_ distribution: Distribution) -> Assumption {
        Assumption(name: "perPostTest", description: "A per-post test input.", unit: .gbpPerYear, value: distribution.mean,
                   distribution: distribution, sources: [], evidence: .illustrative, notes: "test", origin: "test")
    }
    let salary = try #require(PerPostQuantile(assumption(.triangular(minimum: 38_000, mode: 44_490.84, maximum: 52_000))))
    let budget = try #require(PerPostQuantile(assumption(.uniform(minimum: 0, maximum: 10_000))))
    let stream = RandomStream(seed: 12, algorithm: .tausworthe)
    for posts in 0...41 {
        let uniforms = (0..<(2 * posts)).map { _ in stream.uniform() }
        func run(portable: Bool) -> [UInt64] {
            var salaries = Array(repeating: Double.nan, count: posts), budgets = salaries
            uniforms.withUnsafeBufferPointer { u in
                salaries.withUnsafeMutableBufferPointer { s in
                    budgets.withUnsafeMutableBufferPointer { b in
                        PerPostQuantile.values(salary: salary, budget: budget, uniforms: u, salaries: s, budgets: b,
                                               posts: posts, portable: portable)
                    }
                }
            }
            return (salaries + budgets).map(\.bitPattern)
        }
        #expect(run(portable: false) == run(portable: true), "\(posts) posts")
    }
}
