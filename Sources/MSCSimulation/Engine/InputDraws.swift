import MSCModel

/// The uncertain national inputs drawn in each iteration of a run, kept when
/// ``SimulationSettings/keepInputDraws`` is set, so that decision analysis can regress an
/// outcome on the inputs that produced it (expected value of partial perfect information).
public struct InputDraws: Sendable, Equatable {
    /// The names of the uncertain national assumptions, one per column.
    public let names: [String]
    /// The draws, row-major `iteration × names.count`.
    public let values: [Double]
    /// The value of one additional identification (£) each iteration used, derived from its
    /// draws; the present value of benefits is this times the discounted identifications.
    public let valuePerIdentification: [Double]

    public init(names: [String], values: [Double], valuePerIdentification: [Double]) {
        self.names = names
        self.values = values
        self.valuePerIdentification = valuePerIdentification
    }

    /// Iterations held.
    public var iterations: Int { valuePerIdentification.count }

    /// Every iteration's draw of input `name` (nil when it was not an uncertain input).
    public func column(_ name: String) -> [Double]? {
        guard let j = names.firstIndex(of: name) else { return nil }
        return stride(from: j, to: values.count, by: names.count).map { values[$0] }
    }

    /// These draws followed by `later`'s (the next iterations of the same run).
    func appending(_ later: InputDraws) -> InputDraws {
        InputDraws(names: names, values: values + later.values,
                   valuePerIdentification: valuePerIdentification + later.valuePerIdentification)
    }
}

/// Buffers for the draws shared by worker threads; each iteration is written by one worker only.
final class InputDrawStorage: @unchecked Sendable {
    let names: [String]
    /// Positions of the uncertain inputs in the national values vector.
    let indices: [Int]
    let offset: Int
    private let values: UnsafeMutableBufferPointer<Double>
    private let valuePerIdentification: UnsafeMutableBufferPointer<Double>

    init(national: [Assumption], uncertainIndices: [Int], runs: Int, offset: Int) {
        names = uncertainIndices.map { national[$0].name }
        indices = uncertainIndices
        self.offset = offset
        values = .allocate(capacity: max(1, runs * uncertainIndices.count))
        values.initialize(repeating: .nan)
        valuePerIdentification = .allocate(capacity: max(1, runs))
        valuePerIdentification.initialize(repeating: .nan)
    }

    deinit {
        values.deallocate()
        valuePerIdentification.deallocate()
    }

    func store(iteration globalIteration: Int, nationalValues: [Double], valuePerIdentification value: Double) {
        let iteration = globalIteration - offset
        let base = iteration * indices.count
        for (column, index) in indices.enumerated() { values[base + column] = nationalValues[index] }
        valuePerIdentification[iteration] = value
    }

    /// The draws of the iterations kept (in order), as the result holds them.
    func draws(kept: [Int]) -> InputDraws {
        let width = indices.count
        var keptValues: [Double] = []
        keptValues.reserveCapacity(kept.count * width)
        for i in kept { for j in 0..<width { keptValues.append(values[i * width + j]) } }
        return InputDraws(names: names, values: keptValues, valuePerIdentification: kept.map { valuePerIdentification[$0] })
    }
}
