/// Uniforms from one ``RandomStream``, handed out one at a time in the stream's own order but drawn
/// a block at a time with ``RandomStream/fillUniform(_:)``.
///
/// A shared post's funding draw takes a uniform for each council's part, a few at a time and a
/// varying number per post; asking the stream for each one costs two calls into GSL, which was most
/// of the cost of the draw itself. Taking them from a block gives the same numbers in the same
/// order. The uniforms left in the block when the stream is replaced are never used, which changes
/// nothing as long as every number the stream gives goes through the buffer.
///
/// A non-copyable value passed `inout`, not a class: the hot path then reads and writes its
/// position with no reference counting and no run-time exclusivity check.
public struct BufferedUniforms: ~Copyable {
    @usableFromInline var stream: RandomStream?
    @usableFromInline var block: UnsafeMutableBufferPointer<Double>
    @usableFromInline var next: Int

    /// A buffer drawing `blockSize` uniforms at a time, from the stream given to ``reset(stream:)``.
    public init(blockSize: Int = 256) {
        block = .allocate(capacity: max(1, blockSize))
        block.initialize(repeating: 0)
        next = block.count
    }

    /// A buffer over `stream`.
    public init(stream: RandomStream, blockSize: Int = 256) {
        self.init(blockSize: blockSize)
        self.stream = stream
    }

    deinit { block.deallocate() }

    /// Draws from `stream` from now on, from its current position (the block in hand is dropped).
    public mutating func reset(stream: RandomStream) {
        self.stream = stream
        next = block.count
    }

    /// The stream's next uniform in [0, 1).
    @inlinable
    public mutating func uniform() -> Double {
        if next == block.count { refill() }
        let value = block[next]
        next &+= 1
        return value
    }

    /// The next `count` uniforms, side by side, without handing them out: a caller that takes a
    /// number of them decided as it goes (one more for each lapse, say) reads them here with no
    /// check per number and no branch on what it drew, then hands out what it used with
    /// ``skip(_:)``. The uniforms already drawn are kept, moved to the front of the block (which
    /// grows if `count` is larger), so the numbers and their order are those ``uniform()`` gives.
    @inlinable
    public mutating func peek(_ count: Int) -> UnsafePointer<Double> {
        if block.count &- next < count { gather(count) }
        return UnsafePointer(block.baseAddress! + next)
    }

    /// Hands out the next `count` uniforms, which the caller has read from ``peek(_:)``.
    @inlinable
    public mutating func skip(_ count: Int) {
        precondition(count >= 0 && count <= block.count &- next, "BufferedUniforms: skip(\(count)) past what peek gave")
        next &+= count
    }

    @usableFromInline
    mutating func gather(_ count: Int) {
        guard let stream else { preconditionFailure("BufferedUniforms: reset(stream:) before the first uniform") }
        let kept = block.count - next
        if count > block.count {
            let larger = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
            larger.initialize(repeating: 0)
            for index in 0..<kept { larger[index] = block[next + index] }
            block.deallocate()
            block = larger
        } else {
            // Moving towards the front, so a forward copy never overwrites a value before reading it.
            for index in 0..<kept { block[index] = block[next + index] }
        }
        stream.fillUniform(UnsafeMutableBufferPointer(rebasing: block[kept...]))
        next = 0
    }

    @usableFromInline
    mutating func refill() {
        guard let stream else { preconditionFailure("BufferedUniforms: reset(stream:) before the first uniform") }
        stream.fillUniform(block)
        next = 0
    }
}
