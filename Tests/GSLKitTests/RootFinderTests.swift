import GSLKit
import Testing

@Test func brentFindsSquareRootOfTwo() throws {
    let root = try RootFinder.brent(lower: 0, upper: 2) { $0 * $0 - 2 }
    #expect(abs(root - 2.0.squareRoot()) < 1e-10)
    // A capturing closure works, and a root at an end of the bracket is returned directly.
    let target = 3.0
    #expect(try RootFinder.brent(lower: 3, upper: 5) { $0 - target } == 3)
    // A decreasing function (switching value: the cost at which NPV = 0).
    let breakEven = try RootFinder.brent(lower: 0, upper: 1e6, absoluteTolerance: 1e-6) { cost in 250_000 - 1.2 * cost }
    #expect(abs(breakEven - 250_000 / 1.2) < 1e-5)
}

@Test func unbracketedRootThrows() {
    #expect {
        try RootFinder.brent(lower: 2, upper: 3) { $0 * $0 - 2 }
    } throws: { error in
        guard let error = error as? GSLError else { return false }
        return error.code == GSLError.invalidArgument && error.context.contains("not bracketed")
    }
    #expect(throws: GSLError.self) { try RootFinder.brent(lower: 1, upper: 0) { $0 } }
    #expect(throws: GSLError.self) { try RootFinder.brent(lower: -1, upper: 1) { _ in .nan } }
    // Not converging within the iteration budget is an error, not a wrong answer.
    #expect {
        try RootFinder.brent(lower: 0, upper: 2, absoluteTolerance: 0, relativeTolerance: 1e-300, maxIterations: 3) { $0 * $0 - 2 }
    } throws: { error in (error as? GSLError)?.code == GSLError.maxIterations }
    // The process is still running and GSL still works.
    #expect(try! RootFinder.brent(lower: 0, upper: 2) { $0 - 1 } == 1)
}
