import GSLKit
import Testing

// A cubic B-spline basis on one interval [0, 1] (breakpoints 0 and 1, knots 0,0,0,0,1,1,1,1) is
// the cubic Bernstein basis: (1−t)³, 3t(1−t)², 3t²(1−t), t³ (de Boor, A Practical Guide to
// Splines, ch. IX). Written out here, independently of GSL.
@Test func cubicBasisOnOneIntervalIsBernstein() throws {
    let basis = try BSplineBasis(order: 4, breakpoints: [0, 1])
    #expect(basis.count == 4)
    let points = [0.0, 0.1, 0.37, 0.5, 0.9, 1.0]
    let rows = try basis.design(points)
    for (t, row) in zip(points, rows) {
        let bernstein = [(1 - t) * (1 - t) * (1 - t), 3 * t * (1 - t) * (1 - t), 3 * t * t * (1 - t), t * t * t]
        for j in 0..<4 { #expect(abs(row[j] - bernstein[j]) < 1e-14) }
    }
}

// Linear B-splines (order 2) on breakpoints 0, 1, 3 are the hat functions; at x = 2 the hat
// centred on 1 is (3 − 2)/(3 − 1) = 0.5 and the one centred on 3 is 0.5.
@Test func linearBasisIsHatFunctions() throws {
    let basis = try BSplineBasis(order: 2, breakpoints: [0, 1, 3])
    let rows = try basis.design([0.5, 2, 3, 7])
    #expect(rows[0] == [0.5, 0.5, 0])
    #expect(rows[1] == [0, 0.5, 0.5])
    #expect(rows[2] == [0, 0, 1])
    #expect(rows[3] == [0, 0, 1])   // beyond the range: the last end's value
}

// Cubic splines reproduce any cubic polynomial exactly, so least squares on the basis recovers
// y = 2 − x + 0.5x³ at points it was not fitted on.
@Test func leastSquaresOnBasisReproducesACubic() throws {
    let basis = try BSplineBasis(breakpoints: [-2, -0.5, 0.3, 1, 2])
    let x = (0..<60).map { -2 + 4 * Double($0) / 59 }
    func cubic(_ x: Double) -> Double { 2 - x + 0.5 * x * x * x }
    let fit = try LeastSquares.ordinary(design: try basis.design(x), response: x.map(cubic))
    for point in [-1.7, 0.05, 1.33] {
        #expect(abs(fit.predict(try basis.design([point])[0]) - cubic(point)) < 1e-10)
    }
}

@Test func badBreakpointsAreErrorsNotAborts() {
    #expect(throws: GSLError.self) { try BSplineBasis(breakpoints: [1]) }
    #expect(throws: GSLError.self) { try BSplineBasis(breakpoints: [0, 1, 1, 2]) }
    #expect(throws: GSLError.self) { try BSplineBasis(breakpoints: [0, .nan]) }
    #expect(throws: GSLError.self) { try BSplineBasis(order: 0, breakpoints: [0, 1]) }
    #expect(throws: GSLError.self) { try BSplineBasis(breakpoints: [0, 1]).design([.infinity]) }
}
