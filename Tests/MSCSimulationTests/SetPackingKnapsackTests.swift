import Testing
@testable import MSCSimulation

/// The targeting solver against enumeration of every subset, on instances small enough to enumerate.
@Suite("Set-packing knapsack")
struct SetPackingKnapsackTests {
    /// A small deterministic generator (64-bit LCG, Knuth's MMIX constants), so each instance is fixed.
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        mutating func int(_ upper: Int) -> Int { min(upper - 1, Int(next() * Double(upper))) }
    }

    private func check(_ items: [SetPackingKnapsack.Item], elements: Int, budget: Double) {
        let solution = SetPackingKnapsack(items: items, elementCount: elements).solve(budget: budget)
        let best = SetPackingKnapsack.enumerate(items: items, budget: budget)
        #expect(abs(solution.value - best) <= 1e-9 * max(1, best), "solver \(solution.value), enumeration \(best)")
        // The answer is feasible: within budget, no element twice, its value the sum of its items'.
        #expect(solution.cost <= budget * (1 + 1e-12))
        let used = solution.chosen.flatMap { items[$0].elements }
        #expect(Set(used).count == used.count)
        #expect(abs(solution.chosen.reduce(0) { $0 + items[$1].value } - solution.value) < 1e-12)
    }

    @Test func randomInstancesMatchEnumeration() {
        var random = Generator(state: 20_260_101)
        for _ in 0..<400 {
            let n = 1 + random.int(14), elements = 1 + random.int(10)
            let items = (0..<n).map { _ in
                SetPackingKnapsack.Item(cost: 0.1 + 9.9 * random.next(), value: 10 * random.next() - 1,
                                        elements: Array(Set((0..<(1 + random.int(3))).map { _ in random.int(elements) })).sorted())
            }
            check(items, elements: elements, budget: 25 * random.next())
        }
    }

    /// The shape of the real problem: councils, county areas over districts, a force area over all.
    @Test func nestedAreasMatchEnumeration() {
        var random = Generator(state: 7)
        for _ in 0..<200 {
            // Councils 0–9: a county (0) with districts 1–5, unitaries 6–9; one force area over all.
            var items: [SetPackingKnapsack.Item] = (0..<10).map { c in
                .init(cost: 55 + 5 * random.next(), value: 3 * random.next(), elements: [c])
            }
            items.append(.init(cost: 58, value: 6 * random.next(), elements: Array(0...5)))
            items.append(.init(cost: 60, value: 8 * random.next(), elements: Array(0...9)))
            check(items, elements: 10, budget: 600 * random.next())
        }
    }

    /// Equal costs on nested areas: the tree dynamic programme, against enumeration and against
    /// branch and bound.
    @Test func equalCostNestedAreasMatchEnumeration() {
        var random = Generator(state: 4_242)
        for _ in 0..<60 {
            // Two force areas: 0–7 (a county 0 with districts 1–4, unitaries 5–7) and 8–11.
            var items: [SetPackingKnapsack.Item] = (0..<12).map { c in .init(cost: 70, value: 2 * random.next() - 0.2, elements: [c]) }
            items.append(.init(cost: 70, value: 5 * random.next(), elements: Array(0...4)))
            items.append(.init(cost: 70, value: 8 * random.next(), elements: Array(0...7)))
            items.append(.init(cost: 70, value: 4 * random.next(), elements: Array(8...11)))
            let budget = 1_000 * random.next()
            let solver = SetPackingKnapsack(items: items, elementCount: 12)
            #expect(solver.solveLaminar(values: solver.values, budget: budget) != nil)
            #expect(abs(solver.solve(budget: budget).value - solver.solveByBranchAndBound(values: solver.values, budget: budget).value) < 1e-9)
            check(Array(items.prefix(15)), elements: 12, budget: budget)
        }
    }

    /// Every cost 1: the budget is a number of posts.
    @Test func numberOfPostsMatchesEnumeration() {
        var random = Generator(state: 99)
        for _ in 0..<200 {
            let items = (0..<12).map { _ in
                SetPackingKnapsack.Item(cost: 1, value: random.next(), elements: Array(Set([random.int(8), random.int(8)])).sorted())
            }
            check(items, elements: 8, budget: Double(random.int(6)))
        }
    }

    @Test func handExample() {
        // Budget 10: A (cost 6, value 5) and B (cost 4, value 4) overlap; C (cost 5, value 4.5) does not.
        // Best: B + C = 8.5 (A + C is over budget; A alone 5; A + B overlaps).
        let items: [SetPackingKnapsack.Item] = [.init(cost: 6, value: 5, elements: [0, 1]),
                                                .init(cost: 4, value: 4, elements: [1]),
                                                .init(cost: 5, value: 4.5, elements: [2])]
        let solution = SetPackingKnapsack(items: items, elementCount: 3).solve(budget: 10)
        #expect(solution.chosen == [1, 2])
        #expect(solution.value == 8.5)
    }

    /// One solver, its structure fixed, solved for many value vectors (as for every Monte Carlo
    /// draw): each answer equals enumeration on the same values and is feasible.
    @Test func oneSolverServesEveryDraw() {
        var random = Generator(state: 31)
        // Councils 0–11: a county (0) over districts 1–4, unitaries 5–7 (force area A: 0–7), and
        // 8–11 (force area B); own posts, the county area, both force areas, all at one cost.
        var elements: [[Int]] = (0..<12).map { [$0] }
        elements += [Array(0...4), Array(0...7), Array(8...11)]
        let costs = [Double](repeating: 64_456, count: elements.count)
        let solver = SetPackingKnapsack(costs: costs, elements: elements, elementCount: 12)
        #expect(solver.solveLaminar(values: [Double](repeating: 1, count: costs.count), budget: 1e6) != nil)
        for _ in 0..<300 {
            let values = elements.map { _ in 3 * random.next() - 0.5 }
            let budget = 64_456 * Double(random.int(9)) + 100
            let solution = solver.solve(values: values, budget: budget)
            let items = zip(zip(costs, values), elements).map { SetPackingKnapsack.Item(cost: $0.0, value: $0.1, elements: $1) }
            let best = SetPackingKnapsack.enumerate(items: items, budget: budget)
            #expect(abs(solution.value - best) <= 1e-9 * max(1, best), "tree \(solution.value), enumeration \(best)")
            #expect(solution.cost <= budget)
            let used = solution.chosen.flatMap { elements[$0] }
            #expect(Set(used).count == used.count)
            #expect(solution.chosen.allSatisfy { values[$0] > 0 })
            let bound = solver.solveByBranchAndBound(values: values, budget: budget)
            #expect(abs(bound.value - best) <= 1e-9 * max(1, best))
        }
    }

    /// Crossing sets (a unit over councils 0–1 and another over 1–2) are not laminar: the solver
    /// falls back to branch and bound and stays exact.
    @Test func crossingSetsUseBranchAndBound() {
        let items: [SetPackingKnapsack.Item] = [.init(cost: 1, value: 3, elements: [0, 1]),
                                                .init(cost: 1, value: 3, elements: [1, 2]),
                                                .init(cost: 1, value: 2, elements: [0]),
                                                .init(cost: 1, value: 2, elements: [2])]
        let solver = SetPackingKnapsack(items: items, elementCount: 3)
        #expect(solver.solveLaminar(values: solver.values, budget: 2) == nil)
        // Best with two units: 0–1 and 2 (5), or 1–2 and 0 (5); with three: 0 and 2 with nothing else (4) loses.
        #expect(solver.solve(budget: 2).value == 5)
        #expect(solver.solve(budget: 2).chosen == [0, 3])
    }

    /// Of two units serving the same councils at the same cost and value, the first listed is
    /// chosen; a unit is preferred to the units inside it when they are worth the same; and the
    /// fewest units are used when more would add nothing.
    @Test func tiesGoToTheFirstListedAndTheFewestUnits() {
        // 0: council 0's own post; 1 and 2: identical county areas over 0–1; 3: council 1's own post.
        let elements = [[0], [0, 1], [0, 1], [1]]
        let solver = SetPackingKnapsack(costs: [1, 1, 1, 1], elements: elements, elementCount: 2)
        #expect(solver.solve(values: [1, 4, 4, 1], budget: 1).chosen == [1])
        #expect(solver.solve(values: [1, 4, 4, 1], budget: 3).chosen == [1])
        // The area worth exactly its two councils together: the area (one post) is kept.
        #expect(solver.solve(values: [1, 2, 2, 1], budget: 2).chosen == [1])
        // Worth less than the two: both councils' own posts.
        #expect(solver.solve(values: [1, 1.5, 1.5, 1], budget: 2).chosen == [0, 3])
        // Nothing worth having: nothing chosen.
        #expect(solver.solve(values: [0, -1, 0, -2], budget: 4).chosen.isEmpty)
    }
}
