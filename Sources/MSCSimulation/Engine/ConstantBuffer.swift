/// Values fixed when a kernel is built and read in its inner loops: a raw buffer, so a read is a
/// load with no bounds check, no reference counting and no copy-on-write check. It is written
/// only by its initialiser, so worker threads may read it together.
final class ConstantBuffer<Element>: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Element>

    init(_ array: [Element]) {
        values = .allocate(capacity: max(array.count, 1))
        _ = values.initialize(from: array)
        count = array.count
    }

    deinit {
        _ = values.baseAddress.map { $0.deinitialize(count: count) }
        values.deallocate()
    }

    let count: Int

    @inline(__always)
    subscript(index: Int) -> Element { values[index] }
}
